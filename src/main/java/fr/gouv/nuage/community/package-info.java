/**
 * The public agents' community, events with their programme, registrations and satisfaction
 * survey, and the newsletter. May depend on: catalogue.
 */
package fr.gouv.nuage.community;
