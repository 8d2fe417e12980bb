package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractContractTests;
import dev.stackbench.contract.ServingModel;

class ReactiveContractTests extends AbstractContractTests {

	@Override
	public ServingModel servingModel() {
		return ServingModel.REACTIVE;
	}

}
