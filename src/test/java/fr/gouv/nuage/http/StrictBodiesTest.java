package fr.gouv.nuage.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A body is read into its record, or refused in one answer naming every bad field. */
class StrictBodiesTest {

	enum Outcome {

		FAVOURABLE, UNFAVOURABLE

	}

	record Decision(@NotNull Outcome outcome, @Size(max = 10) String reasons, @NotNull LocalDate since,
			@NotBlank String author) {
	}

	private final StrictBodies bodies = new StrictBodies(JsonMapper.builder().build(),
			Validation.buildDefaultValidatorFactory().getValidator());

	@Test
	void readsAValidBody() {
		assertThat(bodies.read(Decision.class,
				"{\"outcome\":\"FAVOURABLE\",\"since\":\"2026-03-01\",\"author\":\"Bruno\"}"))
			.isEqualTo(new Decision(Outcome.FAVOURABLE, null, LocalDate.parse("2026-03-01"), "Bruno"));
	}

	@Test
	void namesEveryBadFieldInOneAnswer() {
		assertThatThrownBy(() -> bodies.read(Decision.class,
				"{\"outcome\":\"MAYBE\",\"reasons\":\"far too long a reason\",\"sinse\":\"2026-03-01\"}"))
			.isInstanceOfSatisfying(Body.Invalid.class,
					invalid -> assertThat(invalid.errors()).extracting(e -> e.get("field"))
						.containsExactlyInAnyOrder("sinse", "outcome", "reasons", "since", "author"))
			.hasMessageContaining("did you mean `since`?")
			.hasMessageContaining("one of `FAVOURABLE`, `UNFAVOURABLE`");
	}

	@Test
	void refusesANumberForTextAndSaysWhereTheBodyStopsBeingJson() {
		assertThatThrownBy(() -> bodies.read(Decision.class,
				"{\"outcome\":\"FAVOURABLE\",\"since\":\"2026-03-01\",\"author\":42}"))
			.isInstanceOfSatisfying(Body.Invalid.class, invalid -> assertThat(invalid.errors())
				.containsExactly(Map.of("field", "author", "message", "`42` is not text")));
		assertThatThrownBy(() -> bodies.read(Decision.class, "{\n  \"outcome\": FAVOURABLE\n}")).isInstanceOfSatisfying(
				Body.Invalid.class,
				invalid -> assertThat(invalid.errors().get(0)).containsEntry("line", 2).containsKey("column"));
	}

	@Test
	void refusesWhatIsNotAnObject() {
		assertThatThrownBy(() -> bodies.read(Decision.class, "[1, 2]"))
			.isInstanceOfSatisfying(Body.Invalid.class, invalid -> assertThat(invalid.errors())
				.containsExactly(Map.of("message", "send a JSON object with `outcome`, `reasons`, `since`, `author`")));
		assertThatThrownBy(() -> bodies.read(Decision.class, "{\"outcome\":")).isInstanceOf(Body.Invalid.class)
			.hasMessageContaining("not JSON");
		assertThat(List.of(bodies.canRead(Decision.class, null, org.springframework.http.MediaType.APPLICATION_JSON),
				bodies.canRead(String.class, null, org.springframework.http.MediaType.APPLICATION_JSON)))
			.containsExactly(true, false);
	}

}
