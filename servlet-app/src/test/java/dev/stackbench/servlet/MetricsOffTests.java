package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractMetricsOffTests;

class MetricsOffTests extends AbstractMetricsOffTests {

}
