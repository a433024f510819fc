/**
 * The documents a project stores (comparative studies, proofs of guarantees, plans), with
 * size and type limits checked on their bytes.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "projects", "directory", "audit", "doctrine", "http" })
package fr.gouv.nuage.documents;
