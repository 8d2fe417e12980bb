package dev.stackbench.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTests {

	@Test
	void pathTagKeepsEndpointsAndFoldsEverythingElse() {
		assertThat(Api.pathTag("/api/slow")).isEqualTo("/api/slow");
		assertThat(Api.pathTag("/api/slow/extra")).isEqualTo("/**");
		assertThat(Api.pathTag("/random-" + System.nanoTime())).isEqualTo("/**");
	}

}
