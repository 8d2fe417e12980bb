package dev.stackbench.servlet.slow;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlowController {

	/**
	 * Holds the request thread for the whole delay, as a servlet calling a slow
	 * dependency does: a platform thread is out of the pool meanwhile, a virtual thread
	 * unmounts and frees its carrier.
	 */
	@GetMapping(path = Api.SLOW, produces = MediaType.APPLICATION_JSON_VALUE)
	SlowPage slow(HttpServletRequest request) throws InterruptedException {
		SlowPage page = SlowPage.of(Query.parse(request.getQueryString()));
		Thread.sleep(page.duration());
		return page;
	}

}
