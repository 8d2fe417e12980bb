package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractSlowClientTests;

import org.springframework.test.context.ActiveProfiles;

/**
 * On one request thread: a connection that held it while its head trickled in would stop
 * the app.
 */
@ActiveProfiles("single-thread")
class SlowClientTests extends AbstractSlowClientTests {

}
