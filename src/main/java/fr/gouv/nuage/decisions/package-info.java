/**
 * The doctrine over HTTP, for any caller: a decision for an assessment, the rule packs,
 * and the offers the decision allows with the support that helps, the same objects as the
 * CLI renders.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "doctrine", "catalogue", "http" })
package fr.gouv.nuage.decisions;
