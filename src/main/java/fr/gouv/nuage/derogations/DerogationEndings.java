package fr.gouv.nuage.derogations;

import fr.gouv.nuage.derogations.DerogationEvents.DerogationExpired;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.Projects;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A derogation ended: its project is decided again without it, on its latest assessment.
 * After the expiry commits and in a transaction of its own, recorded in the event
 * publication registry: a re-decision that fails leaves the expiry done and is delivered
 * again (at the next start, or when the incomplete publications are resubmitted), so that
 * it is neither lost nor rolls the expiry back.
 */
@Component
class DerogationEndings {

	private final Projects projects;

	DerogationEndings(Projects projects) {
		this.projects = projects;
	}

	@ApplicationModuleListener
	void on(DerogationExpired expired) {
		projects.redecide(expired.project(), "calendar", ProjectDecision.Reason.DEROGATION_EXPIRED);
	}

}
