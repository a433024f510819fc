/**
 * The {@code nuage} command line for pipelines and pack authors. It renders what the doctrine
 * engine decides, depends on no other module and starts no Spring context
 * ({@code EngineHasNoSpringTest} holds it to that).
 */
package fr.gouv.nuage.cli;
