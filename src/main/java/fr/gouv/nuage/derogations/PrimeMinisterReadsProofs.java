package fr.gouv.nuage.derogations;

import java.util.UUID;

import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.documents.DocumentReaders;
import org.springframework.stereotype.Component;

/**
 * The Prime Minister's office reads the proofs of guarantees of a project that asks for a
 * derogation.
 */
@Component
class PrimeMinisterReadsProofs implements DocumentReaders {

	private final Derogations derogations;

	PrimeMinisterReadsProofs(Derogations derogations) {
		this.derogations = derogations;
	}

	@Override
	public boolean readsProofsOf(Perimeter caller, UUID project) {
		return caller.primeMinisterOffice() && !derogations.of(project).isEmpty();
	}

}
