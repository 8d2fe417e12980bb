package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.Admission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The optional admission limit ({@link Admission}): past
 * {@code stackbench.admission.max-in-flight} requests on request threads, answers 503 at
 * once. It only sees requests a thread has picked up; those still queued for a thread are
 * the pool's queue, which {@code server.tomcat.threads.max-queue-capacity} bounds.
 */
@Component
// Only with a limit set: off (0, the default), a filter that admits everything would
// still be a hop of the chain on every request, a cost the bare Spring Boot app the
// comparison measures the apps against does not have.
@ConditionalOnExpression("${" + Admission.MAX_IN_FLIGHT_PROPERTY + ":0} > 0")
@Order(FilterOrder.ADMISSION)
class AdmissionFilter extends HttpFilter {

	private final Admission admission;

	AdmissionFilter(Admission admission) {
		this.admission = admission;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.admission.tryEnter()) {
			ProblemWriter.write(this.admission.overloaded(), response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.admission.leave();
		}
	}

}
