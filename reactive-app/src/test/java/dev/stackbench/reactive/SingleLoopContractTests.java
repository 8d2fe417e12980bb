package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractContractTests;
import dev.stackbench.contract.ServingModel;

import org.springframework.test.context.ActiveProfiles;

@ActiveProfiles("single-loop")
class SingleLoopContractTests extends AbstractContractTests {

	@Override
	public ServingModel servingModel() {
		return ServingModel.SINGLE_LOOP;
	}

}
