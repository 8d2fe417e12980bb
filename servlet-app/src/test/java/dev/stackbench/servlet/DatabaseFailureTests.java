package dev.stackbench.servlet;

import dev.stackbench.contract.AbstractDatabaseFailureTests;

class DatabaseFailureTests extends AbstractDatabaseFailureTests {

}
