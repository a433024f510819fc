/**
 * Entities and their projects, each assessment with its decision, the workflows bound to a
 * decision (control, derogations, reversibility plan) and the audit log of every state change.
 * May depend on: doctrine, catalogue.
 */
package fr.gouv.nuage.projects;
