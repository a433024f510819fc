package fr.gouv.nuage.derogations;

import java.util.UUID;

import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.documents.DocumentReaders;
import org.springframework.stereotype.Component;

/**
 * The Prime Minister's office reads the proofs of guarantees of a project whose
 * derogation from R9 it has to validate or validated
 * ({@link Derogation#beforeThePrimeMinistersOffice()}): not those of a project whose
 * derogation is from another rule, or is still before the minister.
 */
@Component
class PrimeMinisterReadsProofs implements DocumentReaders {

	private final Derogations derogations;

	PrimeMinisterReadsProofs(Derogations derogations) {
		this.derogations = derogations;
	}

	@Override
	public boolean readsProofsOf(Perimeter caller, UUID project) {
		return caller.primeMinisterOffice()
				&& derogations.of(project).stream().anyMatch(Derogation::beforeThePrimeMinistersOffice);
	}

}
