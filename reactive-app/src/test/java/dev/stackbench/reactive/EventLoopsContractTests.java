package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractContractTests;
import dev.stackbench.contract.ServingModel;

class EventLoopsContractTests extends AbstractContractTests {

	@Override
	protected ServingModel servingModel() {
		return ServingModel.EVENT_LOOPS;
	}

}
