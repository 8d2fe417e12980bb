package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractHttp2CleartextTests;

class ReactiveHttp2CleartextTests extends AbstractHttp2CleartextTests {

}
