package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractMetricsOffTests;

class MetricsOffTests extends AbstractMetricsOffTests {

}
