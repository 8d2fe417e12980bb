package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractHttp2CleartextTests;

class PlatformHttp2CleartextTests extends AbstractHttp2CleartextTests {

}
