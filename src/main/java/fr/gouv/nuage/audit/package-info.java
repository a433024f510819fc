/**
 * The audit log: every decision and state change, appended to a hash chain that shows any
 * entry edited or deleted. The chain itself is plain Java, so that
 * {@code nuage audit verify} checks a database without starting the application.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "doctrine" })
package fr.gouv.nuage.audit;
