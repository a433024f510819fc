package fr.gouv.nuage.notifications;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import fr.gouv.nuage.catalogue.OfferQualificationDue;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationAccepted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationRejected;
import fr.gouv.nuage.doctrine.Verdict;
import fr.gouv.nuage.controls.ControlDecided;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationEndApproaching;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationExpired;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationGranted;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationRefused;
import fr.gouv.nuage.projects.Project;
import fr.gouv.nuage.projects.ProjectDecidedUnderNewDoctrine;
import fr.gouv.nuage.projects.ProjectReevaluated;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.OrganisationKind;
import fr.gouv.nuage.directory.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told of what. Plain listeners, run in the transaction that publishes the event:
 * the messages are recorded with the change, or not at all. A project without an
 * organisation, or an organisation where no one holds the role, gets no message.
 */
@Component
class NotificationListeners {

	private final Notifications notifications;

	private final Projects projects;

	private final Directory directory;

	NotificationListeners(Notifications notifications, Projects projects, Directory directory) {
		this.notifications = notifications;
		this.projects = projects;
		this.directory = directory;
	}

	/** The project's agents: the offer it is hosted on changed its qualification. */
	@EventListener
	void on(ProjectReevaluated event) {
		aboutProject(event.project(), "PROJECT_REEVALUATED", "project-reevaluated", nobodyElse(),
				values("offer", event.offerId(), "before", verdict(event.before()), "after", verdict(event.after())));
	}

	/** The project's agents: a new version of the doctrine decided it again. */
	@EventListener
	void on(ProjectDecidedUnderNewDoctrine event) {
		aboutProject(event.project(), "PROJECT_DECIDED_UNDER_NEW_DOCTRINE", "project-decided-under-new-doctrine",
				nobodyElse(), values("fromPack", event.fromPack(), "toPack", event.toPack(), "before",
						verdict(event.before()), "after", verdict(event.after())));
	}

	/** The project's agents, and DINUM when the ministry's procedure informs it. */
	@EventListener
	void on(ControlDecided event) {
		aboutProject(event.project(), "CONTROL_DECIDED", "control-decided",
				event.informDinum() ? project -> directory.holders(Role.DINUM) : nobodyElse(),
				values("procedure", notifications.text("procedure." + event.procedure().name()), "outcome",
						notifications.text("outcome." + event.outcome().name()), "silence",
						event.deemedBySilence() ? notifications.text("control-decided.silence") : "", "dinum",
						event.informDinum() ? notifications.text("control-decided.dinum") : ""));
	}

	/**
	 * The project's agents and its ministry's controllers, for each step of a derogation
	 * that follows.
	 */
	@EventListener
	void on(DerogationGranted event) {
		aboutProject(event.project(), "DEROGATION_GRANTED", "derogation-granted", controllers(),
				values("rule", event.rule()));
	}

	@EventListener
	void on(DerogationRefused event) {
		aboutProject(event.project(), "DEROGATION_REFUSED", "derogation-refused", controllers(),
				values("rule", event.rule(), "reason", event.reason()));
	}

	@EventListener
	void on(DerogationEndApproaching event) {
		DateTimeFormatter date = DateTimeFormatter.ofPattern(notifications.text("format.date"), Locale.FRENCH);
		aboutProject(event.project(), "DEROGATION_END_APPROACHING", "derogation-end-approaching", controllers(), values(
				"rule", event.rule(), "end", date.format(event.end()), "days", Integer.toString(event.daysLeft())));
	}

	@EventListener
	void on(DerogationExpired event) {
		aboutProject(event.project(), "DEROGATION_EXPIRED", "derogation-expired", controllers(),
				values("rule", event.rule()));
	}

	/** The provider's people: DINUM accepted its declaration. */
	@EventListener
	void on(OfferDeclarationAccepted event) {
		aboutDeclaration(event.declaration(), event.provider(), event.providerId(), "OFFER_DECLARATION_ACCEPTED",
				"offer-declaration-accepted", values("offer", event.offerId()));
	}

	@EventListener
	void on(OfferDeclarationRejected event) {
		aboutDeclaration(event.declaration(), event.provider(), event.providerId(), "OFFER_DECLARATION_REJECTED",
				"offer-declaration-rejected", values("offer", event.offerId(), "reason", event.reason()));
	}

	/**
	 * DINUM: a qualification passed an end nobody confirmed; it still counts, but is to
	 * be confirmed.
	 */
	@EventListener
	void on(OfferQualificationDue event) {
		DateTimeFormatter date = DateTimeFormatter.ofPattern(notifications.text("format.date"), Locale.FRENCH);
		notifications.record("OFFER_QUALIFICATION_DUE", "offer-qualification-due", "offer:" + event.offerId(),
				directory.holders(Role.DINUM), values("offer", event.offerId(), "scheme", event.scheme(), "end",
						date.format(event.expectedEnd()), "link", notifications.link("offer", event.offerId())));
	}

	/**
	 * Writes to the project's agents and to {@code others}, when the project has an
	 * organisation.
	 */
	private void aboutProject(UUID id, String event, String kind, Function<Project, List<String>> others,
			Map<String, String> values) {
		Optional<Project> project = projects.find(id);
		if (project.isEmpty() || project.get().organisation() == null) {
			return;
		}
		List<String> recipients = new ArrayList<>(directory.holders(Role.AGENT, project.get().organisation()));
		recipients.addAll(others.apply(project.get()));
		values.put("project", project.get().name());
		values.put("link", notifications.link("project", id));
		notifications.record(event, kind, "project:" + id, recipients, values);
	}

	/** The controllers of the ministry the project's organisation belongs to. */
	private Function<Project, List<String>> controllers() {
		return project -> directory.holders(Role.MINISTRY_CONTROLLER, project.organisation());
	}

	private static Function<Project, List<String>> nobodyElse() {
		return project -> List.of();
	}

	/**
	 * Writes to the providers of the organisation whose id the declaration names, never
	 * to an organisation whose name reads alike; a declaration whose organisation is not
	 * known is told to no one.
	 */
	private void aboutDeclaration(UUID id, String provider, String providerId, String event, String kind,
			Map<String, String> values) {
		if (providerId == null) {
			return;
		}
		List<String> recipients = directory.organisation(providerId)
			.filter(organisation -> organisation.kind() == OrganisationKind.PROVIDER)
			.map(organisation -> directory.holders(Role.PROVIDER, organisation.id()))
			.orElse(List.of());
		values.put("provider", provider == null ? "" : provider);
		values.put("link", notifications.link("declaration", id));
		notifications.record(event, kind, "declaration:" + id, recipients, values);
	}

	private String verdict(Verdict verdict) {
		return verdict == null ? notifications.text("verdict.none") : notifications.text("verdict." + verdict.name());
	}

	private static Map<String, String> values(String... pairs) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
		}
		return values;
	}

}
