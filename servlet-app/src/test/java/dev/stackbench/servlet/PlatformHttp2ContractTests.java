package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractHttp2ContractTests;
import dev.stackbench.contract.ServingModel;

class PlatformHttp2ContractTests extends AbstractHttp2ContractTests {

	@Override
	public ServingModel servingModel() {
		return ServingModel.PLATFORM;
	}

}
