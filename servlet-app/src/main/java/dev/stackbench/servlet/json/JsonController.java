package dev.stackbench.servlet.json;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.SampleDocument;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JsonController {

	@GetMapping(path = Api.JSON, produces = MediaType.APPLICATION_JSON_VALUE)
	SampleDocument json() {
		return SampleDocument.INSTANCE;
	}

}
