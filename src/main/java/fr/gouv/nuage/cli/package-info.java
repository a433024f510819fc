/**
 * The {@code nuage} command line for pipelines and pack authors. It renders what the doctrine
 * engine and the catalogue decide, depends on nothing else, and starts no Spring context
 * ({@code EngineHasNoSpringTest} holds it to that).
 */
package fr.gouv.nuage.cli;
