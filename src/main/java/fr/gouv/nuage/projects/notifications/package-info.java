/**
 * E-mail notifications, as an outbox: the people a change concerns (a project's agents, its
 * ministry's controllers, DINUM, a provider) are written a message in French in the transaction of
 * the change, and the messages are sent after the commit, retried until they are sent or their
 * attempts run out. Without a mail server configured the messages stay recorded, unsent.
 * {@link fr.gouv.nuage.projects.notifications.Notifications#sentTo(String)} shows someone theirs.
 * Uses: the projects and their workflows' events, the directory (who holds which role), the
 * catalogue's declarations; Spring's mail sender when {@code spring.mail.host} is set.
 */
@org.springframework.modulith.NamedInterface("notifications")
package fr.gouv.nuage.projects.notifications;
