package fr.gouv.nuage.doctrine;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AssessmentReader} made of a document: an assessment, or every error it
 * could find.
 */
public sealed interface ReadResult permits ReadResult.Ok, ReadResult.Invalid {

	record Ok(Assessment assessment) implements ReadResult {
		public Ok {
			Objects.requireNonNull(assessment, "assessment");
		}
	}

	/**
	 * @param errors in document order, never empty
	 */
	record Invalid(List<InputError> errors) implements ReadResult {
		public Invalid {
			errors = List.copyOf(errors);
			if (errors.isEmpty()) {
				throw new IllegalArgumentException("an invalid document has at least one error");
			}
		}
	}

}
