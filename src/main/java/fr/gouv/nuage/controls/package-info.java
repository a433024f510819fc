/**
 * The control a project's full cost sets (R7): a study the project authority records, the
 * ministry's decision, or DINUM's opinion with its month of silence; a workflow with
 * guarded transitions.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "projects", "documents", "directory", "audit", "http" })
package fr.gouv.nuage.controls;
