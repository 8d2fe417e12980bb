package dev.stackbench.gatling.simulation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ParametersTests {

	private final Parameters parameters = new Parameters(ParametersTests.class);

	@AfterEach
	void clearProperties() {
		System.clearProperty("baseUrl");
		System.clearProperty("allowRemote");
		System.clearProperty("users");
	}

	@Test
	void readsSystemPropertiesWithDefaults() {
		System.setProperty("users", "1, 8,64");
		assertThat(this.parameters.integers("users", "1")).containsExactly(1, 8, 64);
		assertThat(this.parameters.integer("rate", 42)).isEqualTo(42);
		assertThat(this.parameters.baseUrl()).isEqualTo("http://localhost:8080");
	}

	@Test
	void loadsOnlyThisMachineUnlessToldOtherwise() {
		System.setProperty("baseUrl", "http://127.0.0.1:8081");
		assertThat(this.parameters.baseUrl()).isEqualTo("http://127.0.0.1:8081");
		System.setProperty("baseUrl", "https://example.com");
		assertThatIllegalArgumentException().isThrownBy(this.parameters::baseUrl).withMessageContaining("allowRemote");
		System.setProperty("allowRemote", "true");
		assertThat(this.parameters.baseUrl()).isEqualTo("https://example.com");
	}

}
