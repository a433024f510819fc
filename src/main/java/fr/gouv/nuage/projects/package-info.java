/**
 * The registry of entities and projects, their assessments and decisions, and the workflows bound
 * to a decision: control, derogations, reversibility plan; with the audit log.
 * May depend on: doctrine, catalogue.
 */
package fr.gouv.nuage.projects;
