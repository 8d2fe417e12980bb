package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractDatabaseLateStartTests;

class DatabaseLateStartTests extends AbstractDatabaseLateStartTests {

}
