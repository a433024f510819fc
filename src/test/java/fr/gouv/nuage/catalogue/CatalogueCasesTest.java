package fr.gouv.nuage.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case written as data beside the reference catalogue must hold. */
class CatalogueCasesTest {

	static String tests() throws IOException {
		try (InputStream in = CatalogueCasesTest.class.getResourceAsStream("/catalogue/offers.tests.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static Stream<Arguments> cases() throws IOException {
		return CatalogueTests.run(Catalogue.reference(), tests()).stream().map(r -> Arguments.of(r.name(), r));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void caseHolds(String name, CatalogueTests.CaseResult result) {
		assertThat(result.failures()).as("%s (%s)", name, result.cites()).isEmpty();
	}

	@Test
	void theReferenceShipsEnoughCases() throws IOException {
		assertThat(CatalogueTests.run(Catalogue.reference(), tests())).hasSizeGreaterThanOrEqualTo(30);
	}

	@Test
	void premi3nsIsTrustedFromItsQualificationOn17December2025() {
		Offer premi3ns = Catalogue.reference().offer("s3ns-premi3ns").orElseThrow();
		assertThat(premi3ns.hostingClass(LocalDate.parse("2025-12-16"))).isEqualTo(Offer.COMMERCIAL);
		assertThat(premi3ns.hostingClass(LocalDate.parse("2025-12-17"))).isEqualTo(Offer.COMMERCIAL_TRUSTED);
	}

	/**
	 * The catalogue's note says it counts five qualified providers when Banque des
	 * Territoires counted seven.
	 */
	@Test
	void theCatalogueCountsTheFiveQualifiedProvidersItsNoteNames() {
		LocalDate announcement = LocalDate.parse("2024-09-17");
		assertThat(Catalogue.reference()
			.offers()
			.stream()
			.filter(o -> o.secNumCloud(announcement).valid())
			.map(o -> o.provider().split(" \\(")[0])
			.distinct()
			.sorted()
			.toList()).containsExactly("3DS Outscale", "Cloud Temple", "Index Éducation", "OVHcloud", "Oodrive");
		assertThat(Catalogue.reference().notes())
			.anySatisfy(note -> assertThat(note.fr()).contains("sept prestataires").contains("n'en compte que cinq"));
	}

	@Test
	void everyEventSaysHowItsDateIsKnownAndWhatItRestsOn() {
		for (Offer offer : Catalogue.reference().offers()) {
			for (Qualification qualification : offer.qualifications()) {
				for (QualificationEvent event : qualification.events()) {
					assertThat(event.dating()).as(offer.id()).isNotNull();
					assertThat(event.evidence()).as(offer.id()).isNotNull();
					if (event.dating() == Dating.KNOWN) {
						assertThat(event.dayKnown()).as("%s: a known date names its day", offer.id()).isTrue();
					}
				}
			}
		}
	}

	/**
	 * Every offer names its provider's organisation by id, one id for each provider and
	 * one provider for each id; OVHcloud's are the demo's `ovhcloud`.
	 */
	@Test
	void everyOfferNamesItsProvidersOrganisationById() {
		java.util.Map<String, java.util.Set<String>> namesById = new java.util.TreeMap<>();
		java.util.Map<String, java.util.Set<String>> idsByName = new java.util.TreeMap<>();
		for (Offer offer : Catalogue.reference().offers()) {
			assertThat(offer.providerId()).as(offer.id()).matches(fr.gouv.nuage.directory.Organisation.ID_FORMAT);
			namesById.computeIfAbsent(offer.providerId(), id -> new java.util.TreeSet<>()).add(offer.provider());
			idsByName.computeIfAbsent(offer.provider(), name -> new java.util.TreeSet<>()).add(offer.providerId());
		}
		assertThat(namesById).allSatisfy((id, names) -> assertThat(names).as(id).hasSize(1));
		assertThat(idsByName).allSatisfy((name, ids) -> assertThat(ids).as(name).hasSize(1));
		assertThat(idsByName.get("OVHcloud")).containsExactly("ovhcloud");
		assertThat(idsByName.get("DINUM")).containsExactly("dinum");
	}

	@Test
	void everyCommercialQualificationTellsUsersToCheckAnssisList() {
		for (Offer offer : Catalogue.reference().offers()) {
			if (!offer.isInternal() && offer.qualification(Qualification.SECNUMCLOUD).isPresent()) {
				assertThat(offer.note()).as(offer.id()).isNotNull();
				assertThat(offer.note().fr()).as(offer.id()).containsIgnoringCase("ANSSI");
			}
		}
	}

	@Test
	void aCaseThatExpectsNothingOrMisspellsAnExpectationFails() {
		List<CatalogueTests.CaseResult> results = CatalogueTests.run(Catalogue.reference(), """
				cases:
				  - name: vacuous
				    cites: "x"
				    offer: pi
				    expect: {}
				  - name: misspelt
				    cites: "x"
				    offer: pi
				    expect: {hostingClas: INTERNAL_PI}
				  - name: wrong
				    cites: "x"
				    offer: pi
				    expect: {hostingClass: COMMERCIAL}
				""");
		assertThat(results).extracting(CatalogueTests.CaseResult::passed).containsExactly(false, false, false);
	}

}
