package dev.stackbench.support;

import java.time.Duration;

import dev.stackbench.workload.Admission;
import dev.stackbench.workload.cgi.CgiGateway;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class StackbenchPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, StackbenchAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void everySettingHasItsDocumentedDefault() {
		this.contexts.run((context) -> {
			StackbenchProperties properties = context.getBean(StackbenchProperties.class);
			assertThat(properties.requestHeadTimeout()).isEqualTo(Duration.ofSeconds(20));
			assertThat(properties.admission().maxInFlight()).isZero();
			assertThat(properties.cgi().maxProcesses()).isEqualTo(256);
			assertThat(properties.cgi().startThreads()).isNull();
			assertThat(properties.downstream().maxConnections()).isEqualTo(1000);
			assertThat(properties.downstream().baseUrl()).hasToString("http://127.0.0.1:8090");
			assertThat(properties.db().poolSize()).isEqualTo(10);
			assertThat(properties.db().acquireTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(context).hasSingleBean(CgiGateway.class).hasSingleBean(Admission.class);
		});
	}

	@Test
	void aSettingIsReadFromItsProperty() {
		this.contexts.withPropertyValues("stackbench.cgi.max-processes=12", "stackbench.admission.max-in-flight=50")
			.run((context) -> {
				assertThat(context.getBean(CgiGateway.class).knobs()).containsEntry("cgi.max-processes", 12);
				assertThat(context.getBean(Admission.class).maxInFlight()).isEqualTo(50);
			});
	}

	@Test
	void aValueOutOfBoundsStopsTheStartNamingTheProperty() {
		this.contexts.withPropertyValues("stackbench.cgi.max-processes=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("cgi.maxProcesses");
		});
	}

	/**
	 * What a user sees: Boot's failure analysis names the property, its value and the
	 * bound it breaks. For a record bound through its constructor Boot names the property
	 * in its Java form (maxProcesses), which relaxed binding reads as max-processes too.
	 */
	@Test
	void anAppStartedWithAValueOutOfBoundsSaysWhichAndWhy(CapturedOutput output) {
		SpringApplication app = new SpringApplicationBuilder(MinimalApp.class).web(WebApplicationType.NONE).build();
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> app.run("--stackbench.cgi.max-processes=-1", "--stackbench.admission.max-in-flight=-5"));
		assertThat(output).contains("Binding to target dev.stackbench.support.StackbenchProperties failed")
			.contains("Property: stackbench.cgi.maxProcesses\n    Value: \"-1\"\n    Reason: must be greater than 0")
			.contains("Property: stackbench.admission.maxInFlight\n    Value: \"-5\"");
	}

	@Test
	void aValueOfTheWrongTypeStopsTheStartNamingTheProperty() {
		this.contexts.withPropertyValues("stackbench.downstream.timeout=soon")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("stackbench.downstream.timeout"));
	}

	@Test
	void requestMetricsCanBeSwitchedOff() {
		this.contexts.withPropertyValues("stackbench.metrics.enabled=false")
			.run((context) -> assertThat(context)
				.doesNotHaveBean(dev.stackbench.workload.metrics.RequestMetrics.class));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SimpleMeterRegistry.class)
	static class MinimalApp {

	}

}
