package fr.gouv.nuage.decisions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.DecisionJson;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;

/**
 * The self-assessment's certificate, for anyone and without signing in: a PDF that says
 * the decision for the assessment given as query parameters (as the result page reads
 * them) and carries that assessment and its stamp, and the page that takes a certificate
 * back and says whether its stamped decision is the one Nuage gives. Neither keeps
 * anything: a self-assessment is stored only when the person asks for it elsewhere
 * (privacy), so both answer {@code no-store}.
 */
@Controller
class Certificates {

	private final RulePacks packs = RulePacks.shipped();

	private final CatalogueSource catalogues;

	private final CertificatePdf pdf;

	private final CertificateCheck check;

	private final MessageSource messages;

	private final Clock clock;

	Certificates(CatalogueSource catalogues, ITemplateEngine templates, MessageSource messages, Clock clock) {
		this.catalogues = catalogues;
		this.pdf = new CertificatePdf(templates);
		this.check = new CertificateCheck(packs, catalogues);
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/auto-evaluation/certificat.pdf")
	ModelAndView certificate(@RequestParam MultiValueMap<String, String> parameters, Locale locale,
			HttpServletRequest request) {
		AssessmentParameters.Read read = AssessmentParameters.read(parameters, packs, catalogues);
		if (!read.ok()) {
			ModelAndView page = new ModelAndView("certificate/invalid", HttpStatus.BAD_REQUEST);
			page.addObject("errors", read.errors());
			return page;
		}
		Decision decision = read.pack().evaluate(read.assessment());
		Instant issued = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String stamp = "{\"schema\":\"" + CertificatePdf.STAMP_SCHEMA + "\",\"issued\":\"" + issued + "\",\"asOf\":\""
				+ read.date() + "\",\"decision\":"
				+ DecisionJson.write(decision, CertificateView.Languages.of(locale), DecisionJson.Form.FULL, false)
				+ "}";
		CertificateView view = CertificateView.of(decision, read.date(), issued, locale, messages);
		String verification = ServletUriComponentsBuilder.fromContextPath(request)
			.path("/certificats/verification")
			.build()
			.toUriString();
		byte[] bytes = pdf.write(Map.of("certificate", view, "verification", verification), locale, issued,
				List.of(new CertificatePdf.Attachment(CertificatePdf.ASSESSMENT,
						text("certificate.attachment.assessment", locale), "Source",
						given(read).toJson().getBytes(StandardCharsets.UTF_8)),
						new CertificatePdf.Attachment(CertificatePdf.STAMP,
								text("certificate.attachment.stamp", locale), "Data",
								stamp.getBytes(StandardCharsets.UTF_8))));
		String file = messages.getMessage("certificate.file",
				new Object[] { decision.doctrine().id(), read.date().toString() }, locale);
		return new ModelAndView(new Pdf(bytes, file));
	}

	@GetMapping("/certificats/verification")
	ModelAndView verification() {
		return page(null, HttpStatus.OK);
	}

	@PostMapping("/certificats/verification")
	ModelAndView verify(@RequestParam(name = "certificat", required = false) MultipartFile file, Locale locale,
			HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		CertificateCheck.Result result;
		if (file != null && file.getSize() > CertificateCheck.MAX_BYTES) {
			// Refused on its announced size, before its bytes are read.
			result = CertificateCheck.Result.of(CertificateCheck.Outcome.UNREADABLE, "certificate.check.tooLarge",
					CertificateCheck.MAX_MEGABYTES);
		}
		else {
			result = check.check(file == null ? null : file.getBytes());
		}
		ModelAndView page = page(result,
				result.outcome() == CertificateCheck.Outcome.UNREADABLE ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
		if (result.decision() != null) {
			page.addObject("certificate", CertificateView.of(result.decision(), result.stamp().asOf(),
					result.stamp().issued(), locale, messages));
			page.addObject("differences", differences(result, locale));
		}
		return page;
	}

	private ModelAndView page(CertificateCheck.Result result, HttpStatus status) {
		ModelAndView page = new ModelAndView("certificate/verification", status);
		page.addObject("maxMegabytes", CertificateCheck.MAX_MEGABYTES);
		page.addObject("result", result);
		return page;
	}

	/** A difference in words: what, what the stamp says, what Nuage gives. */
	record Shown(String what, String stamped, String decided) {
	}

	private List<Shown> differences(CertificateCheck.Result result, Locale locale) {
		RulePack pack = result.decision().pack();
		List<Shown> shown = new ArrayList<>();
		for (CertificateCheck.Difference difference : result.differences()) {
			String what = messages.getMessage("certificate.difference." + difference.what(),
					new Object[] { difference.rule() }, locale);
			shown.add(new Shown(what, words(difference.what(), difference.stamped(), pack, locale),
					words(difference.what(), difference.decided(), pack, locale)));
		}
		return shown;
	}

	private String words(String what, Object value, RulePack pack, Locale locale) {
		if (value == null) {
			return messages.getMessage("certificate.value.absent", null, locale);
		}
		return switch (what) {
			case "verdict" -> messages.getMessage("certificate.verdict." + value, null, value.toString(), locale);
			case "finding" -> messages.getMessage("assessment.status." + value, null, value.toString(), locale);
			default -> CertificateView.words(pack, locale, messages, value);
		};
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/**
	 * The assessment as the person gave it: what the catalogue supplied for the offer it
	 * names is left out again, so that checking the certificate reads the catalogue as of
	 * its date, as the decision did.
	 */
	private static Assessment given(AssessmentParameters.Read read) {
		Assessment.Builder builder = read.assessment().toBuilder();
		for (String path : Catalogue.SUPPLIED_FACTS) {
			if (!read.facts().containsKey(path)) {
				builder.unset(path);
			}
		}
		return builder.build();
	}

	/** The certificate's bytes, shown by the browser and saved under its name. */
	private record Pdf(byte[] bytes, String file) implements View {

		@Override
		public String getContentType() {
			return "application/pdf";
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			// Bytes, not text: no charset.
			response.setCharacterEncoding((String) null);
			response.setContentType(getContentType());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(file, StandardCharsets.UTF_8).build().toString());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}

	}

}
