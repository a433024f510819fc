/**
 * The {@code nuage} command line for pipelines, pack authors and auditors. It renders
 * what the doctrine engine and the catalogue decide and checks the audit log's chain; it
 * starts no Spring context ({@code EngineHasNoSpringTest} holds it to that).
 */
package fr.gouv.nuage.cli;
