package dev.stackbench.reactive.system;

import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Reactor Netty knobs Boot has no property for.
 *
 * @param eventLoops event-loop threads serving connections
 * (STACKBENCH_REACTIVE_EVENT_LOOPS); unset means one per core. Reactor Netty's own
 * default, the larger of the core count and 4, puts 4 loops on a 2-core machine, and the
 * extra context switches cost about a fifth of the throughput at 1,000 connections there.
 * @param acceptBacklog the listen socket's backlog (STACKBENCH_REACTIVE_ACCEPT_BACKLOG),
 * the counterpart of Tomcat's {@code accept-count}
 */
@ConfigurationProperties("stackbench.reactive")
@Validated
record EventLoopProperties(@Nullable @Positive Integer eventLoops, @Positive @DefaultValue("1024") int acceptBacklog) {

	int effectiveEventLoops() {
		return (this.eventLoops != null) ? this.eventLoops : Runtime.getRuntime().availableProcessors();
	}

}
