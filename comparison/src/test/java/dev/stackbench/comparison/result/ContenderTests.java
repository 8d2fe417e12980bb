package dev.stackbench.comparison.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ContenderTests {

	@Test
	void aModelEnteredTwiceIsTwoContendersOfThatModel() {
		List<Contender> entered = Contender
			.entered(List.of(ServingModel.PLATFORM, ServingModel.REACTIVE, ServingModel.PLATFORM));
		assertThat(entered).extracting(Contender::id).containsExactly("platform", "reactive", "platform-2");
		assertThat(entered.get(2).model()).isEqualTo(ServingModel.PLATFORM);
		assertThat(entered.get(2).app()).isEqualTo("servlet-app");
		assertThat(entered.get(2).title()).contains("Spring MVC on Tomcat, platform threads", "A/A");
		assertThat(entered.get(2).color()).as("apart from the first entry's in a chart")
			.isNotEqualTo(entered.get(0).color())
			.matches("#[0-9a-f]{6}");
		assertThat(entered.get(0)).isSameAs(Contender.PLATFORM);
	}

	@Test
	void aContenderIsReadBackByItsIdAsOneInstance() {
		assertThat(Contender.of("platform-2")).isSameAs(Contender.of(ServingModel.PLATFORM, 2));
		assertThat(Contender.of("single-thread")).isSameAs(Contender.SINGLE_THREAD);
		assertThat(Contender.of("single-loop-3").model()).isEqualTo(ServingModel.SINGLE_LOOP);
		assertThatIllegalArgumentException().isThrownBy(() -> Contender.of("tomcat-2"))
			.withMessageContaining("unknown serving model");
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.writeValueAsString(List.of(Contender.REACTIVE, Contender.of("reactive-2"))))
			.isEqualTo("[\"reactive\",\"reactive-2\"]");
		assertThat(json.readValue("\"reactive-2\"", Contender.class)).isSameAs(Contender.of("reactive-2"));
	}

}
