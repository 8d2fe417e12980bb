package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractHttp2ContractTests;
import dev.stackbench.contract.ServingModel;

class ReactiveHttp2ContractTests extends AbstractHttp2ContractTests {

	@Override
	public ServingModel servingModel() {
		return ServingModel.REACTIVE;
	}

}
