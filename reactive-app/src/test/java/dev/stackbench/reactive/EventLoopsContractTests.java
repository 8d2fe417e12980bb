package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractContractTests;
import dev.stackbench.contract.ServingModel;

class EventLoopsContractTests extends AbstractContractTests {

	@Override
	public ServingModel servingModel() {
		return ServingModel.EVENT_LOOPS;
	}

}
