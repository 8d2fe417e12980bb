package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractCgiLimitsTests;

class CgiLimitsTests extends AbstractCgiLimitsTests {

}
