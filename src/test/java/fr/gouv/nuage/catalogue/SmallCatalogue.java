package fr.gouv.nuage.catalogue;

/** A small catalogue written for the tests, independent of the reference data. */
final class SmallCatalogue {

	static final String TEXT = """
			catalogue:
			  version: "test.1"
			  asOf: 2026-01-01
			  sources:
			    ANSSI: {title: "ANSSI list", url: "https://cyber.gouv.fr"}
			offers:
			  - id: pi
			    provider: Ministère de l'Intérieur
			    providerId: ministere-interieur
			    service: Pi
			    model: IAAS
			    categories: [compute]
			    internal: INTERNAL_PI
			    dataLocation: FRANCE
			    immuneToExtraEuAccess: true
			    hdsCertified: false
			    maxMarking: DIFFUSION_RESTREINTE
			    qualifications: []
			    sources: [ANSSI]
			    confidence: sourced
			    asOf: 2026-01-01
			  - id: trusted-iaas
			    provider: Trusted
			    providerId: trusted
			    service: Trusted IaaS
			    model: IAAS
			    categories: [compute, storage]
			    dataLocation: FRANCE
			    immuneToExtraEuAccess: true
			    hdsCertified: true
			    maxMarking: NONE
			    qualifications:
			      - scheme: SECNUMCLOUD
			        validityYears: 3
			        events:
			          - {status: IN_PROGRESS, date: 2022-06-01, dating: known, milestone: J0, evidence: anssi-list, source: ANSSI, confidence: sourced}
			          - {status: QUALIFIED, date: 2023-03-01, dating: known, schemeVersion: "3.2", validUntil: 2026-02-28, evidence: anssi-list, source: ANSSI, confidence: sourced}
			    sources: [ANSSI]
			    confidence: sourced
			    asOf: 2026-01-01
			  - id: hyperscaler
			    provider: Hyper
			    providerId: hyper
			    service: Region Paris
			    model: PAAS
			    categories: [compute]
			    dataLocation: FRANCE
			    immuneToExtraEuAccess: false
			    hdsCertified: true
			    maxMarking: NONE
			    purchasing: [{vehicle: UGAP, reference: "Marché cloud public"}]
			    qualifications: []
			    sources: [ANSSI]
			    confidence: sourced
			    asOf: 2026-01-01
			  - id: suite
			    provider: DINUM
			    providerId: dinum
			    service: La Suite
			    model: SAAS
			    categories: [collaboration]
			    internal: INTERNAL_NUBO
			    interministerial: true
			    runsOn: pi
			    dataLocation: FRANCE
			    immuneToExtraEuAccess: true
			    hdsCertified: false
			    maxMarking: NONE
			    qualifications: []
			    sources: [ANSSI]
			    confidence: uncertain
			    note: {fr: "À vérifier.", en: "To be checked."}
			    asOf: 2026-01-01
			""";

	private SmallCatalogue() {
	}

	static Catalogue load() {
		Catalogue.LoadResult result = Catalogue.load("small.yaml", TEXT);
		if (result instanceof Catalogue.Refused refused) {
			throw new AssertionError(refused.issues());
		}
		return ((Catalogue.Loaded) result).catalogue();
	}

}
