package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractContractTests;
import dev.stackbench.contract.ServingModel;

import org.springframework.test.context.ActiveProfiles;

/** The whole contract over HTTPS (HTTP/1.1 over TLS 1.3). */
@ActiveProfiles("tls")
class PlatformTlsContractTests extends AbstractContractTests {

	@Override
	public ServingModel servingModel() {
		return ServingModel.PLATFORM;
	}

}
