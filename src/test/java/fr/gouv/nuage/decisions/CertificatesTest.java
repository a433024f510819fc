package fr.gouv.nuage.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import javax.xml.parsers.DocumentBuilderFactory;

import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.DecisionJson;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.util.MultiValueMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-assessment's certificate through the whole application, as a visitor gets it:
 * a tagged, archivable PDF in embedded Marianne that carries the assessment of a pack's
 * test case and the stamp of its decision; the page that checks a certificate takes a
 * fresh one as authentic, sees a stamp altered after the fact, a pack version it does not
 * have and a file that is no certificate, and posts only with its CSRF token.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CertificatesTest {

	private static final String PACK = "6404-SG";

	private static final String CASE = "complete compliant project on a commercial cloud";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Test
	void theCertificateIsATaggedArchivablePdfInMarianneThatCarriesItsAssessment() throws Exception {
		Map<String, Object> given = testCase(PACK, CASE);
		byte[] pdf = certificate(given, "fr");
		RulePack pack = RulePacks.shipped().get(PACK);
		Map<String, Object> contract = new LinkedHashMap<>();
		contract.put("schema", "nuage.assessment/v1");
		contract.putAll(given);
		Assessment assessment = read(pack, JSON.writeValueAsString(contract));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDDocumentCatalog catalog = document.getDocumentCatalog();
			Map<String, PDComplexFileSpecification> files = catalog.getNames().getEmbeddedFiles().getNames();
			assertThat(files).containsOnlyKeys("assessment.json", "certificate.json");
			assertThat(read(pack, text(files.get("assessment.json")))).isEqualTo(assessment);
			assertThat(files.get("assessment.json").getEmbeddedFile().getSubtype()).isEqualTo("application/json");
			assertThat(files.get("assessment.json").getFileDescription()).contains("nuage.assessment/v1");

			// PDF/A-3: each file associated with the document, with its relationship.
			COSArray associated = (COSArray) catalog.getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
			List<String> relationships = new ArrayList<>();
			for (int i = 0; i < associated.size(); i++) {
				relationships.add(((COSDictionary) associated.getObject(i))
					.getNameAsString(COSName.getPDFName("AFRelationship")));
			}
			assertThat(relationships).containsExactly("Source", "Data");

			// The stamp: the date and the decision exactly as the API writes it.
			Map<?, ?> stamp = JSON.readValue(text(files.get("certificate.json")), Map.class);
			assertThat(stamp.get("schema")).isEqualTo("nuage.certificate/v1");
			String decision = DecisionJson.write(pack.evaluate(assessment), Lang.FR, DecisionJson.Form.FULL, false);
			assertThat(JSON.writeValueAsString(stamp.get("decision")))
				.isEqualTo(JSON.writeValueAsString(JSON.readValue(decision, Map.class)));

			// Tagged (PDF/UA), in French, archivable (PDF/A-3) as its XMP says.
			assertThat(catalog.getStructureTreeRoot()).isNotNull();
			assertThat(catalog.getMarkInfo().isMarked()).isTrue();
			assertThat(catalog.getLanguage()).isEqualTo("fr");
			assertThat(catalog.getOutputIntents()).isNotEmpty();
			org.w3c.dom.Document xmp;
			try (InputStream in = catalog.getMetadata().exportXMPMetadata()) {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setNamespaceAware(true);
				xmp = factory.newDocumentBuilder().parse(in);
			}
			assertThat(xmpValue(xmp, "http://www.aiim.org/pdfa/ns/id/", "part")).isEqualTo("3");
			assertThat(xmpValue(xmp, "http://www.aiim.org/pdfa/ns/id/", "conformance")).isEqualTo("A");
			assertThat(xmpValue(xmp, "http://www.aiim.org/pdfua/ns/id/", "part")).isEqualTo("1");
			assertThat(document.getDocumentInformation().getKeywords()).contains(pack.info().digest());

			// Every font embedded, and Marianne.
			TreeSet<String> fonts = new TreeSet<>();
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					PDFont font = resources.getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					assertThat(font).isInstanceOf(PDType0Font.class);
					fonts.add(font.getName().substring(font.getName().indexOf('+') + 1));
				}
			}
			assertThat(fonts).contains("Marianne-Regular", "Marianne-Bold").allMatch(f -> f.startsWith("Marianne-"));

			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Conforme", pack.info().version(), "R13", "/certificats/verification");
			// The digest may wrap at the end of its cell.
			assertThat(text.replaceAll("\\s", "")).contains(pack.info().digest());
		}
	}

	@Test
	void theCertificateSpeaksThePagesLanguage() throws Exception {
		byte[] pdf = certificate(testCase(PACK, CASE), "en");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(new PDFTextStripper().getText(document)).contains("Compliant", "The rules, one by one")
				.doesNotContain("Conforme");
		}
	}

	@Test
	void parametersTheEngineRefusesGiveAPageThatListsThemNotAPdf() throws Exception {
		mvc.perform(get("/auto-evaluation/certificat.pdf").param("doctrine", PACK)
			.param("entity.kind", "NOT_A_KIND")
			.param("data.personal", "maybe"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("data-certificate=\"INVALID\"")))
			.andExpect(content().string(containsString("data-error-path=\"entity.kind\"")))
			.andExpect(content().string(containsString("data-error-path=\"data.personal\"")))
			.andExpect(content().string(containsString("Le certificat ne peut pas être établi")));
		mvc.perform(get("/auto-evaluation/certificat.pdf").param("doctrine", "NO-SUCH-PACK"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-error-path=\"doctrine\"")));
	}

	@Test
	void aFreshCertificateIsAuthentic() throws Exception {
		byte[] pdf = certificate(testCase(PACK, CASE), "fr");
		mvc.perform(upload(pdf).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-verification=\"MATCH\"")))
			.andExpect(content().string(containsString("Authentique")))
			.andExpect(content().string(containsString("data-verdict=\"COMPLIANT\"")))
			.andExpect(content().string(not(containsString("data-differences"))));
	}

	@Test
	void aCertificateWhoseStampWasAlteredDoesNotMatchAndSaysWhatDiffers() throws Exception {
		byte[] pdf = certificate(testCase(PACK, CASE), "fr");
		byte[] verdict = withStamp(pdf,
				stamp -> stamp.replace("\"verdict\":\"COMPLIANT\"", "\"verdict\":\"NON_COMPLIANT\""));
		mvc.perform(upload(verdict).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-verification=\"MISMATCH\"")))
			.andExpect(content().string(containsString("Ne correspond pas")))
			.andExpect(content().string(containsString("data-differences")))
			.andExpect(content().string(containsString("<td>Non conforme</td>")))
			.andExpect(content().string(containsString("data-verdict=\"COMPLIANT\"")));
		byte[] finding = withStamp(pdf, stamp -> stamp.replace("{\"rule\":\"R9\",\"status\":\"SATISFIED\"",
				"{\"rule\":\"R9\",\"status\":\"NOT_APPLICABLE\""));
		assertThat(finding).isNotEqualTo(pdf);
		mvc.perform(upload(finding).with(csrf()).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-verification=\"MISMATCH\"")))
			.andExpect(content().string(containsString("Does not match")))
			.andExpect(content().string(containsString("Rule R9")));
	}

	@Test
	void aCertificateOfAPackVersionThisNuageDoesNotHaveCannotBeDecidedAgain() throws Exception {
		RulePack pack = RulePacks.shipped().get(PACK);
		byte[] pdf = withStamp(certificate(testCase(PACK, CASE), "fr"),
				stamp -> stamp.replace("\"version\":\"" + pack.info().version() + "\"", "\"version\":\"1999.9\""));
		mvc.perform(upload(pdf).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-verification=\"UNKNOWN_PACK\"")))
			.andExpect(content().string(containsString("version 1999.9 du paquet de règles " + PACK)))
			.andExpect(content().string(containsString("ne peut pas être re-décidé")));
		byte[] digest = withStamp(certificate(testCase(PACK, CASE), "fr"),
				stamp -> stamp.replace(pack.info().digest(), "sha256:" + "0".repeat(64)));
		mvc.perform(upload(digest).with(csrf()))
			.andExpect(content().string(containsString("data-verification=\"UNKNOWN_PACK\"")));
	}

	@Test
	void whatIsNoCertificateIsRefusedSayingWhy() throws Exception {
		mvc.perform(upload("not a pdf".getBytes(StandardCharsets.UTF_8)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-verification=\"UNREADABLE\"")))
			.andExpect(content().string(containsString("Ce fichier n’est pas un PDF.")))
			.andExpect(content().string(containsString("fr-upload-group--error")));
		ByteArrayOutputStream blank = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			document.save(blank);
		}
		mvc.perform(upload(blank.toByteArray()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-verification=\"UNREADABLE\"")))
			.andExpect(content().string(containsString("ne porte pas les pièces jointes")));
		byte[] truncated = java.util.Arrays.copyOf(certificate(testCase(PACK, CASE), "fr"), 2000);
		mvc.perform(upload(truncated).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-verification=\"UNREADABLE\"")));
		byte[] large = new byte[CertificateCheck.MAX_BYTES + 1];
		System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 8);
		mvc.perform(upload(large).with(csrf()).param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This file is above 2 MB")));
		mvc.perform(multipart("/certificats/verification").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choisissez le fichier PDF du certificat.")));
	}

	@Test
	void theFormUploadsWithItsCsrfTokenAndNothingPostsWithoutIt() throws Exception {
		mvc.perform(get("/certificats/verification"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("accept=\"application/pdf,.pdf\"")))
			.andExpect(content().string(containsString("Taille maximale : 2 Mo.")))
			.andExpect(content().string(not(containsString("data-verification"))));
		byte[] pdf = certificate(testCase(PACK, CASE), "fr");
		mvc.perform(upload(pdf)).andExpect(status().isForbidden());
	}

	@Test
	void anAssessmentThatNamesAnOfferIsCarriedAsGivenAndCheckedAgainstTheCatalogue() throws Exception {
		Map<String, Object> given = testCase(PACK, CASE);
		@SuppressWarnings("unchecked")
		Map<String, Object> hosting = (Map<String, Object>) given.get("hosting");
		hosting.clear();
		hosting.put("offerId", "bleu");
		byte[] pdf = certificate(given, "fr");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String carried = text(
					document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("assessment.json"));
			assertThat(carried).contains("\"hosting\":{\"offerId\":\"bleu\"}");
		}
		mvc.perform(upload(pdf).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-verification=\"MATCH\"")));
	}

	private byte[] certificate(Map<String, Object> assessment, String lang) throws Exception {
		MultiValueMap<String, String> parameters = AssessmentQueries.parameters(assessment);
		return mvc.perform(
				get("/auto-evaluation/certificat.pdf").params(parameters).param("doctrine", PACK).param("lang", lang))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/**
	 * On every case of the packs' tests, the certificate stamps the decision the API
	 * gives: its verdict and each finding's status.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void everyCaseOfThePacksIsStampedWithTheDecisionTheApiGives() throws Exception {
		int cases = 0;
		for (String id : RulePacks.shipped().ids()) {
			Map<String, Object> tests = new Yaml(new LoaderOptions()).load(RulePacks.shipped().tests(id));
			for (Map<String, Object> test : (List<Map<String, Object>>) tests.get("cases")) {
				cases++;
				Map<String, Object> given = copy((Map<String, Object>) test.getOrDefault("assessment", Map.of()));
				Map<String, Object> contract = new LinkedHashMap<>();
				contract.put("schema", "nuage.assessment/v1");
				contract.putAll(given);
				String api = mvc
					.perform(post("/api/v1/decisions").param("doctrine", id)
						.contentType("application/json")
						.content(JSON.writeValueAsString(contract)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
				byte[] pdf = mvc
					.perform(get("/auto-evaluation/certificat.pdf").params(AssessmentQueries.parameters(given))
						.param("doctrine", id))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsByteArray();
				Map<?, ?> stamped;
				try (PDDocument document = Loader.loadPDF(pdf)) {
					stamped = (Map<?, ?>) JSON
						.readValue(text(document.getDocumentCatalog()
							.getNames()
							.getEmbeddedFiles()
							.getNames()
							.get("certificate.json")), Map.class)
						.get("decision");
				}
				Map<?, ?> decided = JSON.readValue(api, Map.class);
				String name = id + " / " + test.get("name");
				assertThat(stamped.get("verdict")).as(name).isEqualTo(decided.get("verdict"));
				assertThat(statuses(stamped)).as(name).isEqualTo(statuses(decided));
			}
		}
		assertThat(cases).isGreaterThan(50);
	}

	private static Map<Object, Object> statuses(Map<?, ?> decision) {
		Map<Object, Object> statuses = new LinkedHashMap<>();
		((List<?>) decision.get("findings"))
			.forEach(finding -> statuses.put(((Map<?, ?>) finding).get("rule"), ((Map<?, ?>) finding).get("status")));
		return statuses;
	}

	private static MockMultipartHttpServletRequestBuilder upload(byte[] bytes) {
		return multipart("/certificats/verification")
			.file(new MockMultipartFile("certificat", "certificat.pdf", "application/pdf", bytes));
	}

	/** A shipped pack's test case's assessment, by the case's name. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> testCase(String pack, String name) {
		Map<String, Object> tests = new Yaml(new LoaderOptions()).load(RulePacks.shipped().tests(pack));
		for (Map<String, Object> test : (List<Map<String, Object>>) tests.get("cases")) {
			if (name.equals(test.get("name"))) {
				return copy((Map<String, Object>) test.get("assessment"));
			}
		}
		throw new IllegalArgumentException("no case `" + name + "` in " + pack);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> copy(Map<String, Object> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(key, value instanceof Map ? copy((Map<String, Object>) value) : value));
		return copy;
	}

	private static Assessment read(RulePack pack, String json) {
		ReadResult read = new AssessmentReader(pack.facts()).read("test", json);
		assertThat(read).isInstanceOf(ReadResult.Ok.class);
		return ((ReadResult.Ok) read).assessment();
	}

	private static String xmpValue(org.w3c.dom.Document xmp, String namespace, String name) {
		org.w3c.dom.NodeList nodes = xmp.getElementsByTagNameNS(namespace, name);
		assertThat(nodes.getLength()).as(namespace + name).isEqualTo(1);
		return nodes.item(0).getTextContent().strip();
	}

	private static String text(PDComplexFileSpecification spec) throws IOException {
		return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
	}

	/** The certificate with its stamp rewritten, as someone who edits it would. */
	private static byte[] withStamp(byte[] pdf, UnaryOperator<String> change) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDComplexFileSpecification spec = document.getDocumentCatalog()
				.getNames()
				.getEmbeddedFiles()
				.getNames()
				.get("certificate.json");
			String stamp = text(spec);
			String altered = change.apply(stamp);
			assertThat(altered).as("the test alters the stamp").isNotEqualTo(stamp);
			PDEmbeddedFile file = new PDEmbeddedFile(document,
					new ByteArrayInputStream(altered.getBytes(StandardCharsets.UTF_8)));
			file.setSubtype("application/json");
			spec.setEmbeddedFile(file);
			spec.setEmbeddedFileUnicode(file);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

}
