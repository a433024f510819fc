package fr.gouv.nuage.documents;

import java.util.UUID;

import fr.gouv.nuage.directory.Perimeter;

/**
 * Who, outside a project's perimeter, another workflow lets read the project's proofs of
 * guarantees: the derogations module lets the Prime Minister's office read those of a
 * project whose derogation from R9 it has to validate or validated. Implemented by the
 * modules that know why, so that documents depend on none.
 */
public interface DocumentReaders {

	boolean readsProofsOf(Perimeter caller, UUID project);

}
