package fr.gouv.nuage.decisions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.Finding;
import fr.gouv.nuage.doctrine.InputError;
import fr.gouv.nuage.doctrine.PackInfo;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a certificate says what Nuage decides: the assessment it carries is decided
 * again under the pack it names — when this Nuage has that very version of it, the same
 * digest — with the catalogue read as of the date stamped, and the stamped decision
 * (verdict, derived values, each finding's status) compared with the one given. This
 * checks that the certificate is consistent with the doctrine, not who made it: it is no
 * signature. The PDF is read within fixed bounds, in memory, and nothing of it is kept.
 */
final class CertificateCheck {

	/** What a verification concludes (the page's {@code data-verification}). */
	enum Outcome {

		/** The stamped decision is the one Nuage gives. */
		MATCH,
		/** It is not, or the assessment carried is not one Nuage decides. */
		MISMATCH,
		/**
		 * The pack version the certificate names is not one this Nuage has: nothing can
		 * be decided again.
		 */
		UNKNOWN_PACK,
		/** Not a certificate of Nuage that can be read. */
		UNREADABLE

	}

	/** The largest certificate read: a real one weighs a few hundred kilobytes. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	/** What the upload form says of the limit, in megabytes. */
	static final int MAX_MEGABYTES = MAX_BYTES / (1024 * 1024);

	private static final int MAX_ATTACHMENT = 512 * 1024;

	private static final int MAX_FILES = 8;

	private static final long MAX_MEMORY = 32L * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * What the certificate stamped, as its {@value CertificatePdf#STAMP} says it.
	 *
	 * @param findings each rule's status, in the stamp's order
	 */
	record Stamp(LocalDate asOf, Instant issued, String pack, String version, String digest, String verdict,
			String sensitivity, List<String> allowedHosting, String control, Map<String, String> findings) {
	}

	/**
	 * One thing the stamp says otherwise than Nuage: {@code what} is {@code verdict},
	 * {@code sensitivity}, {@code allowedHosting}, {@code control} or {@code finding},
	 * {@code rule} the finding's rule; the values are codes, or {@code null} when a side
	 * has none.
	 */
	record Difference(String what, String rule, Object stamped, Object decided) {
	}

	/**
	 * The conclusion, the bundle key that says why with its arguments, and what was read
	 * and decided when it got that far.
	 */
	record Result(Outcome outcome, String reason, List<Object> arguments, Stamp stamp, Decision decision,
			List<Difference> differences) {

		static Result of(Outcome outcome, String reason, Object... arguments) {
			return new Result(outcome, reason, List.of(arguments), null, null, List.of());
		}

	}

	private final RulePacks packs;

	private final CatalogueSource catalogues;

	CertificateCheck(RulePacks packs, CatalogueSource catalogues) {
		this.packs = packs;
		this.catalogues = catalogues;
	}

	Result check(byte[] pdf) {
		if (pdf == null || pdf.length == 0) {
			return Result.of(Outcome.UNREADABLE, "certificate.check.empty");
		}
		if (pdf.length > MAX_BYTES) {
			return Result.of(Outcome.UNREADABLE, "certificate.check.tooLarge", MAX_MEGABYTES);
		}
		if (!startsWith(pdf, "%PDF-")) {
			return Result.of(Outcome.UNREADABLE, "certificate.check.notPdf");
		}
		Map<String, byte[]> files;
		try {
			files = CertificatePdf.attachments(pdf, MAX_FILES, MAX_ATTACHMENT, MAX_MEMORY);
		}
		catch (CertificatePdf.TooLarge ex) {
			return Result.of(Outcome.UNREADABLE, "certificate.check.notCertificate");
		}
		catch (IOException | RuntimeException ex) {
			// PDFBox says a damaged, truncated or encrypted file in many ways, none of
			// them for the visitor.
			return Result.of(Outcome.UNREADABLE, "certificate.check.damaged");
		}
		String assessmentText = utf8(files.get(CertificatePdf.ASSESSMENT));
		String stampText = utf8(files.get(CertificatePdf.STAMP));
		if (assessmentText == null || stampText == null) {
			return Result.of(Outcome.UNREADABLE, "certificate.check.notCertificate");
		}
		Stamp stamp = stamp(stampText);
		if (stamp == null) {
			return Result.of(Outcome.UNREADABLE, "certificate.check.badStamp");
		}
		RulePack pack = packs.has(stamp.pack()) ? packs.get(stamp.pack()) : null;
		if (pack == null || !pack.info().version().equals(stamp.version())
				|| !pack.info().digest().equals(stamp.digest())) {
			return new Result(Outcome.UNKNOWN_PACK, "certificate.check.unknownPack",
					List.of(stamp.pack(), stamp.version(), stamp.digest(), known()), stamp, null, List.of());
		}
		ReadResult read = new AssessmentReader(pack.facts()).read(CertificatePdf.ASSESSMENT, assessmentText);
		if (read instanceof ReadResult.Invalid invalid) {
			return new Result(Outcome.MISMATCH, "certificate.check.badAssessment", List.of(messages(invalid.errors())),
					stamp, null, List.of());
		}
		Assessment assessment = ((ReadResult.Ok) read).assessment();
		Catalogue.Resolution resolution = catalogues.current().resolve(assessment, stamp.asOf());
		if (resolution instanceof Catalogue.Unresolved unresolved) {
			return new Result(Outcome.MISMATCH, "certificate.check.unresolved",
					List.of(stamp.asOf().toString(), messages(unresolved.errors())), stamp, null, List.of());
		}
		Decision decision = pack.evaluate(((Catalogue.Resolved) resolution).assessment());
		List<Difference> differences = differences(stamp, decision);
		if (differences.isEmpty()) {
			return new Result(Outcome.MATCH, "certificate.check.match", List.of(stamp.pack(), stamp.version()), stamp,
					decision, differences);
		}
		return new Result(Outcome.MISMATCH, "certificate.check.mismatch", List.of(stamp.pack(), stamp.version()), stamp,
				decision, differences);
	}

	/**
	 * The stamp of a certificate: {@code schema}, {@code asOf}, {@code issued} and the
	 * {@code decision} as the API writes it; {@code null} when it is not one.
	 */
	static Stamp stamp(String text) {
		try {
			JsonNode root = JSON.readTree(text);
			JsonNode decision = root.path("decision");
			JsonNode doctrine = decision.path("doctrine");
			if (!CertificatePdf.STAMP_SCHEMA.equals(root.path("schema").stringValue(null))) {
				return null;
			}
			LocalDate asOf = LocalDate.parse(root.path("asOf").stringValue(""));
			Instant issued = Instant.parse(root.path("issued").stringValue(""));
			String pack = doctrine.path("id").stringValue(null);
			String version = doctrine.path("version").stringValue(null);
			String digest = doctrine.path("digest").stringValue(null);
			String verdict = decision.path("verdict").stringValue(null);
			if (pack == null || version == null || digest == null || verdict == null
					|| !decision.path("findings").isArray()) {
				return null;
			}
			List<String> hosting = null;
			if (decision.path("allowedHosting").isArray()) {
				hosting = new ArrayList<>();
				for (JsonNode item : decision.path("allowedHosting").values()) {
					hosting.add(item.stringValue(null));
				}
			}
			Map<String, String> findings = new LinkedHashMap<>();
			for (JsonNode finding : decision.path("findings").values()) {
				String rule = finding.path("rule").stringValue(null);
				String status = finding.path("status").stringValue(null);
				if (rule == null || status == null || findings.put(rule, status) != null) {
					return null;
				}
			}
			return new Stamp(asOf, issued, pack, version, digest, verdict,
					decision.path("sensitivity").stringValue(null), hosting, decision.path("control").stringValue(null),
					findings);
		}
		catch (JacksonException | DateTimeParseException ex) {
			return null;
		}
	}

	/** What the stamp says otherwise than the decision, in the certificate's order. */
	static List<Difference> differences(Stamp stamp, Decision decision) {
		List<Difference> differences = new ArrayList<>();
		differ(differences, "verdict", null, stamp.verdict(), decision.verdict().name());
		differ(differences, "sensitivity", null, stamp.sensitivity(), decision.sensitivity());
		differ(differences, "allowedHosting", null, stamp.allowedHosting(), decision.allowedHosting());
		differ(differences, "control", null, stamp.control(), decision.control());
		Set<String> rules = new LinkedHashSet<>(stamp.findings().keySet());
		decision.findings().forEach(finding -> rules.add(finding.rule()));
		for (String rule : rules) {
			String decided = decision.finding(rule).map(Finding::status).map(Enum::name).orElse(null);
			differ(differences, "finding", rule, stamp.findings().get(rule), decided);
		}
		return List.copyOf(differences);
	}

	private static void differ(List<Difference> differences, String what, String rule, Object stamped, Object decided) {
		if (!Objects.equals(stamped, decided)) {
			differences.add(new Difference(what, rule, stamped, decided));
		}
	}

	/** The packs this Nuage has, as {@code id version}. */
	private String known() {
		return String.join(", ",
				packs.ids().stream().map(packs::get).map(RulePack::info).map(CertificateCheck::name).toList());
	}

	private static String name(PackInfo info) {
		return info.id() + " " + info.version();
	}

	private static String messages(List<InputError> errors) {
		return String.join("; ", errors.stream().map(InputError::format).toList());
	}

	private static boolean startsWith(byte[] bytes, String prefix) {
		byte[] expected = prefix.getBytes(StandardCharsets.US_ASCII);
		if (bytes.length < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (bytes[i] != expected[i]) {
				return false;
			}
		}
		return true;
	}

	/** The text of an attached file, or {@code null} when it is absent or not UTF-8. */
	private static String utf8(byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
