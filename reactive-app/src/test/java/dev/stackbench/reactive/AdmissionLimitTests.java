package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractAdmissionLimitTests;

class AdmissionLimitTests extends AbstractAdmissionLimitTests {

}
