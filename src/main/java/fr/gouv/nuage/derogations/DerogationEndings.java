package fr.gouv.nuage.derogations;

import fr.gouv.nuage.derogations.DerogationEvents.DerogationExpired;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.Projects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A derogation ended: its project is decided again without it, on its latest assessment. */
@Component
class DerogationEndings {

	private final Projects projects;

	DerogationEndings(Projects projects) {
		this.projects = projects;
	}

	@EventListener
	void on(DerogationExpired expired) {
		projects.redecide(expired.project(), "calendar", ProjectDecision.Reason.DEROGATION_EXPIRED);
	}
}
