package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractContractTests;
import dev.stackbench.contract.ServingModel;

class PlatformContractTests extends AbstractContractTests {

	@Override
	public ServingModel servingModel() {
		return ServingModel.PLATFORM;
	}

}
