package dev.stackbench.servlet.stream;

import java.io.IOException;
import java.io.OutputStream;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.EventStream;
import dev.stackbench.workload.Query;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StreamController {

	/**
	 * Writes each event from the request thread, sleeping in between, as a servlet
	 * streaming from a blocking source does: a platform thread is out of the pool for the
	 * stream's whole life, a virtual thread unmounts while it sleeps. A client that goes
	 * away fails the next write, which ends the loop and frees the thread.
	 */
	@GetMapping(path = Api.STREAM, produces = EventStream.MEDIA_TYPE)
	void stream(HttpServletRequest request, HttpServletResponse response) throws IOException, InterruptedException {
		EventStream stream = EventStream.of(Query.parse(request.getQueryString()));
		response.setContentType(EventStream.CONTENT_TYPE);
		OutputStream out = response.getOutputStream();
		response.flushBuffer();
		for (long n = 1; n <= stream.count(); n++) {
			Thread.sleep(stream.intervalDuration());
			out.write(stream.event(n));
			out.flush();
		}
	}

}
