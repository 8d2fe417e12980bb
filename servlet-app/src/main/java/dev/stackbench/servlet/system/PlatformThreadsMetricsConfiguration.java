package dev.stackbench.servlet.system;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer's virtual-thread meters only on the model whose requests run on virtual
 * threads. Boot binds them wherever micrometer-java21 is present (one jar serves every
 * model), and the binder keeps a JFR event stream running all the time, three threads
 * that wake every second: on the platform and single-thread models it would meter threads
 * that never run and cost what the bare Spring Boot app they are set against does not
 * pay. Measured (2026-12-07, the platform app beside its old build and the bare app on
 * one core, three 30 s rounds idle): 3.1, 6.7 and 5.7 ms of CPU a second against 4.5, 7.8
 * and 6.7 with the binder, the bare app 3.1, 4.1 and 3.6; under the overhead scenario's
 * load the change was within noise (README, "stackbench's own cost").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnThreading(Threading.PLATFORM)
class PlatformThreadsMetricsConfiguration {

	/**
	 * The bean of Boot's {@code JvmMetricsAutoConfiguration} that binds the meters: Boot
	 * offers no switch for it, and it is registered by name as a plain
	 * {@code MeterBinder}, so it is found by that name (the contract suite fails if it is
	 * renamed and the meters come back).
	 */
	static final String VIRTUAL_THREAD_METRICS_BEAN = "virtualThreadMetrics";

	@Bean
	static BeanFactoryPostProcessor withoutVirtualThreadMetrics() {
		return (beanFactory) -> {
			if (beanFactory instanceof BeanDefinitionRegistry registry
					&& registry.containsBeanDefinition(VIRTUAL_THREAD_METRICS_BEAN)) {
				registry.removeBeanDefinition(VIRTUAL_THREAD_METRICS_BEAN);
			}
		};
	}

}
