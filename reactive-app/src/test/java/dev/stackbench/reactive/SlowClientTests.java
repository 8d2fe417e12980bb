package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractSlowClientTests;

import org.springframework.test.context.ActiveProfiles;

/**
 * On one event loop: a connection that blocked it while its head trickled in would stop
 * the app.
 */
@ActiveProfiles("single-loop")
class SlowClientTests extends AbstractSlowClientTests {

}
