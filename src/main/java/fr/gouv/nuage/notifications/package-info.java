/**
 * E-mail notifications, as an outbox: the people a change concerns (a project's agents,
 * its ministry's controllers, DINUM, a provider) are written a message in French in the
 * transaction of the change, and the messages are sent after the commit, retried until
 * they are sent or their attempts run out. Without a mail server configured the messages
 * stay recorded, unsent. {@link fr.gouv.nuage.notifications.Notifications#sentTo(String)}
 * shows someone theirs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "projects", "controls", "derogations",
		"directory", "catalogue", "catalogue :: declarations", "doctrine" })
package fr.gouv.nuage.notifications;
