package fr.gouv.nuage.projects;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import fr.gouv.nuage.catalogue.OfferQualificationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides projects again when what decided them changed: their offer's qualification
 * (once the catalogue's change is committed, DINUM's acceptance of a declaration say) or
 * the doctrine's pack (at start). Each project is decided in a transaction of its own,
 * tried again a few times, so that one that fails neither undoes the change nor holds up
 * the others; one that still fails says so on the project
 * ({@link ProjectIssue.Kind#REDECISION_FAILED}).
 *
 * <p>
 * The change's publication is completed once every project has been tried: delivered
 * again after a crash, it decides again only the projects it had not reached
 * ({@link Projects} skips the others).
 */
@Component
class ProjectRedecisions {

	private static final Logger log = LoggerFactory.getLogger(ProjectRedecisions.class);

	/**
	 * Three attempts in all, 0.2 then 0.6 seconds apart: time for a concurrent change to
	 * commit.
	 */
	private static final RetryPolicy ATTEMPTS = RetryPolicy.builder()
		.maxRetries(2)
		.delay(Duration.ofMillis(200))
		.multiplier(3)
		.build();

	private final Projects projects;

	private final ProjectRepository repository;

	private final TransactionTemplate each;

	private final RetryTemplate retry = new RetryTemplate(ATTEMPTS);

	ProjectRedecisions(Projects projects, ProjectRepository repository, PlatformTransactionManager transactions) {
		this.projects = projects;
		this.repository = repository;
		this.each = new TransactionTemplate(transactions);
		this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The projects hosted on the offer, each decided again as of the change's date. Run
	 * after the change commits, outside any transaction of its own: each project has its
	 * own.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OfferQualificationChanged change) {
		String why = "the qualification change of `" + change.offerId() + "` on " + change.date();
		for (UUID id : repository.hostedOn(change.offerId())) {
			decide(id, why, () -> projects.redecide(id, change));
		}
	}

	/**
	 * When the application starts on a new version of the doctrine's pack, every project
	 * decided under another pack is decided again on its latest assessment; returns how
	 * many.
	 */
	@EventListener(ApplicationReadyEvent.class)
	int underTheCurrentDoctrine() {
		String why = "the doctrine's change to `" + projects.currentPack() + "`";
		int count = 0;
		for (UUID id : repository.decidedUnderAnotherPack(projects.currentDigest())) {
			if (decide(id, why, () -> projects.redecideUnderTheCurrentDoctrine(id))) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Decides one project in its own transaction, tried again on failure; true when it
	 * was decided.
	 */
	private boolean decide(UUID id, String why, Supplier<Boolean> decision) {
		try {
			return retry.execute(() -> Boolean.TRUE.equals(each.execute(status -> decision.get())));
		}
		catch (RetryException ex) {
			log.warn("project {} could not be decided again after {}, {} attempts", id, why, ex.getRetryCount() + 1,
					ex.getLastException());
			each.executeWithoutResult(status -> projects.failed(id, "deciding it again after " + why + " failed "
					+ (ex.getRetryCount() + 1) + " times: the decision in force is the previous one"));
			return false;
		}
	}

}
