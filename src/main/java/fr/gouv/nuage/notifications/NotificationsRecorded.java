package fr.gouv.nuage.notifications;

import java.util.List;
import java.util.UUID;

/**
 * Notifications were written in the current transaction: they are sent once it commits.
 */
record NotificationsRecorded(List<UUID> notifications) {
}
