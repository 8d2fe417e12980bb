package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractCgiLimitsTests;

class CgiLimitsTests extends AbstractCgiLimitsTests {

}
