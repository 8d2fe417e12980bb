package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractContractTests;
import dev.stackbench.contract.ServingModel;

import org.springframework.test.context.ActiveProfiles;

@ActiveProfiles("virtual")
class VirtualContractTests extends AbstractContractTests {

	@Override
	public ServingModel servingModel() {
		return ServingModel.VIRTUAL;
	}

}
