package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractDatabaseLateStartTests;

class DatabaseLateStartTests extends AbstractDatabaseLateStartTests {

}
