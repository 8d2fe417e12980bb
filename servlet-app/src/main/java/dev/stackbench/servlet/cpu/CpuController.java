package dev.stackbench.servlet.cpu;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.CpuWork;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CpuController {

	@GetMapping(path = Api.CPU, produces = MediaType.APPLICATION_JSON_VALUE)
	CpuWork cpu(HttpServletRequest request) {
		return CpuWork.of(Query.parse(request.getQueryString()));
	}

}
