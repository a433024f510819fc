package fr.gouv.nuage.catalogue.declarations;

import fr.gouv.nuage.catalogue.OfferQualificationChanged;
import fr.gouv.nuage.catalogue.OfferQualificationDue;
import fr.gouv.nuage.audit.AuditLog;

import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.QualificationReviewed;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationAccepted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationRejected;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationSubmitted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the catalogue's state changes to the audit log, in the same transaction as the
 * change: a declaration submitted, accepted, rejected or withdrawn; a qualification
 * granted, suspended, withdrawn or expired, due for confirmation, or reviewed by DINUM.
 */
@Component
class CatalogueAudit {

	private final AuditLog log;

	CatalogueAudit(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(OfferDeclarationSubmitted event) {
		log.append(event.providerId(), "OFFER_DECLARATION_SUBMITTED", "declaration:" + event.declaration(), null,
				AuditLog.state("offerId", event.offerId(), "provider", event.provider(), "status", "SUBMITTED"));
	}

	@EventListener
	void on(OfferDeclarationAccepted event) {
		log.append(event.reviewer(), "OFFER_DECLARATION_ACCEPTED", "declaration:" + event.declaration(),
				AuditLog.state("status", "SUBMITTED"),
				AuditLog.state("offerId", event.offerId(), "status", "ACCEPTED"));
	}

	@EventListener
	void on(OfferDeclarationRejected event) {
		log.append(event.reviewer(), "OFFER_DECLARATION_REJECTED", "declaration:" + event.declaration(),
				AuditLog.state("status", "SUBMITTED"),
				AuditLog.state("offerId", event.offerId(), "status", "REJECTED", "reason", event.reason()));
	}

	@EventListener
	void on(OfferDeclarationWithdrawn event) {
		log.append(event.withdrawnBy(), "OFFER_DECLARATION_WITHDRAWN", "declaration:" + event.declaration(),
				AuditLog.state("status", "SUBMITTED"),
				AuditLog.state("offerId", event.offerId(), "status", "WITHDRAWN"));
	}

	@EventListener
	void on(QualificationReviewed event) {
		log.append(event.reviewer(), "QUALIFICATION_REVIEWED", "offer:" + event.offerId(),
				AuditLog.state("hostingClass", event.hostingClassBefore()),
				AuditLog.state("scheme", event.scheme(), "action", event.action(), "status", event.status(), "date",
						event.date().toString(), "hostingClass", event.hostingClassAfter()));
	}

	/**
	 * A qualification passed an end nobody confirmed: DINUM is asked to confirm it; no
	 * class changes.
	 */
	@EventListener
	void on(OfferQualificationDue event) {
		log.append("catalogue", "OFFER_QUALIFICATION_DUE", "offer:" + event.offerId(), null, AuditLog.state("scheme",
				event.scheme(), "expectedEnd", event.expectedEnd().toString(), "hostingClass", event.hostingClass()));
	}

	@EventListener
	void on(OfferQualificationChanged event) {
		log.append("catalogue", "OFFER_QUALIFICATION_"
				+ event.getClass().getSimpleName().replace("OfferQualification", "").toUpperCase(java.util.Locale.ROOT),
				"offer:" + event.offerId(), AuditLog.state("hostingClass", event.hostingClassBefore()),
				AuditLog.state("hostingClass", event.hostingClassAfter(), "scheme", event.scheme(), "date",
						event.date().toString()));
	}

}
