package dev.stackbench.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTests {

	@Test
	void pathTagKeepsEndpointsAndFoldsEverythingElse() {
		assertThat(Api.pathTag("/api/slow")).isEqualTo("/api/slow");
		// The constant itself, not the caller's equal string: recorders key their meters
		// by it on every request.
		assertThat(Api.pathTag(new String(Api.HELLO))).isSameAs(Api.HELLO);
		assertThat(Api.pathTag("/api/slow/extra")).isEqualTo("/**");
		assertThat(Api.pathTag("/random-" + System.nanoTime())).isEqualTo("/**");
	}

}
