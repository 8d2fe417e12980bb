package dev.stackbench.reactive;

import dev.stackbench.contract.AbstractDatabaseFailureTests;

class DatabaseFailureTests extends AbstractDatabaseFailureTests {

}
