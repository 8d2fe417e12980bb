package dev.stackbench.gatling.simulation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ParametersTests {

	private final Parameters parameters = new Parameters(SlowEndpointSimulation.class);

	@AfterEach
	void clearProperties() {
		System.clearProperty("baseUrl");
		System.clearProperty("allowRemote");
		System.clearProperty(SimulationLoad.PROPERTY);
	}

	@Test
	void loadsOnlyThisMachineUnlessToldOtherwise() {
		assertThat(this.parameters.baseUrl()).isEqualTo("http://localhost:8080");
		System.setProperty("baseUrl", "http://127.0.0.1:8081");
		assertThat(this.parameters.baseUrl()).isEqualTo("http://127.0.0.1:8081");
		System.setProperty("baseUrl", "https://example.com");
		assertThatIllegalArgumentException().isThrownBy(this.parameters::baseUrl).withMessageContaining("allowRemote");
		System.setProperty("allowRemote", "true");
		assertThat(this.parameters.baseUrl()).isEqualTo("https://example.com");
	}

	@Test
	void aSecondAppToLoadIsCheckedAsTheBaseUrlIs() {
		assertThat(Parameters.onThisMachine("bareBaseUrl", "http://127.0.0.1:8090")).isEqualTo("http://127.0.0.1:8090");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Parameters.onThisMachine("bareBaseUrl", "http://10.0.0.5"))
			.withMessageContaining("bareBaseUrl");
	}

	@Test
	void printsTheBaseUrlAndTheLoadItsSimulationRead() {
		System.setProperty(SimulationLoad.PROPERTY, "{\"rate\":300}");
		this.parameters.baseUrl();
		SimulationLoad.read(SlowEndpointSimulation.Load.class, SlowEndpointSimulation.DEFAULTS);
		assertThat(this.parameters.line()).isEqualTo("stackbench SlowEndpointSimulation: baseUrl=http://localhost:8080 "
				+ "rate=300 delay=500 durationSeconds=20 maxQueueMillis=1000 maxFailedPercent=0");
		System.clearProperty(SimulationLoad.PROPERTY);
		SimulationLoad.read(SmokeSimulation.Load.class, SmokeSimulation.DEFAULTS);
		assertThat(this.parameters.line()).as("not another simulation's load")
			.isEqualTo("stackbench SlowEndpointSimulation: baseUrl=http://localhost:8080");
	}

}
