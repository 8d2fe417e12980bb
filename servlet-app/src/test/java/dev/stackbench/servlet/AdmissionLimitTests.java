package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractAdmissionLimitTests;

class AdmissionLimitTests extends AbstractAdmissionLimitTests {

}
