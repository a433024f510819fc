package fr.gouv.nuage.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The State design system's files are the pinned package's, whole: each one served is
 * listed with its SHA-256 by {@code scripts/dsfr-refresh.sh} and has it, nothing the
 * stylesheet names is missing, and a visitor gets them without signing in. So is the
 * TrueType Marianne the same script makes for the certificate's PDF.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DsfrFilesTest {

	private static final Path DSFR = Path.of("src/main/resources/static/dsfr");

	private static final Path FONTS = Path.of("src/main/resources/certificate/fonts");

	private static final Pattern URL = Pattern.compile("url\\(([^)]*)\\)");

	@Autowired
	MockMvc mvc;

	@Test
	void everyFileIsTheOneItsChecksumNames() throws Exception {
		Map<String, String> sums = sums();
		assertThat(sums).containsKeys("dsfr.min.css", "dsfr.module.min.js", "LICENSE.md", "VERSION",
				"fonts/Marianne-Regular.woff2");
		for (Map.Entry<String, String> sum : sums.entrySet()) {
			try (InputStream in = getClass().getResourceAsStream("/static/dsfr/" + sum.getKey())) {
				assertThat(in).as(sum.getKey() + " is on the class path").isNotNull();
				assertThat(sha256(in.readAllBytes())).as(sum.getKey()).isEqualTo(sum.getValue());
			}
		}
		try (var files = Files.walk(DSFR)) {
			List<String> committed = files.filter(Files::isRegularFile)
				.map(p -> DSFR.relativize(p).toString().replace('\\', '/'))
				.filter(name -> !name.equals("SHA256SUMS"))
				.sorted()
				.toList();
			assertThat(committed).as("files without a checksum").containsExactlyElementsOf(sums.keySet());
		}
		String version = Files.readString(DSFR.resolve("VERSION")).strip();
		assertThat(Files.readString(Path.of("scripts/dsfr-refresh.sh"))).contains("VERSION=" + version + "\n");
	}

	@Test
	void theCertificatesTrueTypeMarianneIsTheOneItsChecksumNames() throws Exception {
		Map<String, String> sums = sums(FONTS);
		assertThat(sums).containsOnlyKeys("Marianne-Regular.ttf", "Marianne-Bold.ttf", "Marianne-Regular_Italic.ttf");
		for (Map.Entry<String, String> sum : sums.entrySet()) {
			try (InputStream in = getClass().getResourceAsStream("/certificate/fonts/" + sum.getKey())) {
				assertThat(in).as(sum.getKey() + " is on the class path").isNotNull();
				byte[] font = in.readAllBytes();
				assertThat(sha256(font)).as(sum.getKey()).isEqualTo(sum.getValue());
				// TrueType outlines (sfnt version 1.0), which is what the PDF renderer
				// reads.
				assertThat(HexFormat.of().formatHex(font, 0, 4)).as(sum.getKey()).isEqualTo("00010000");
			}
		}
		try (var files = Files.list(FONTS)) {
			assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("SHA256SUMS")).sorted())
				.as("fonts without a checksum")
				.containsExactlyElementsOf(sums.keySet());
		}
		assertThat(Files.readString(Path.of("scripts/dsfr-refresh.sh")))
			.contains("WEIGHTS=\"Regular Bold Regular_Italic\"");
	}

	@Test
	void nothingTheStylesheetNamesIsMissing() throws IOException {
		String css = Files.readString(DSFR.resolve("dsfr.min.css"), StandardCharsets.UTF_8);
		TreeSet<String> named = new TreeSet<>();
		Matcher url = URL.matcher(css);
		while (url.find()) {
			String file = url.group(1).replace("\"", "").replace("'", "");
			if (!file.startsWith("data:")) {
				named.add(file);
			}
		}
		assertThat(named).hasSizeGreaterThan(40);
		assertThat(sums().keySet()).containsAll(named);
	}

	@Test
	void aVisitorGetsThemWithoutSigningIn() throws Exception {
		mvc.perform(get("/dsfr/dsfr.min.css"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/css"));
		mvc.perform(get("/dsfr/fonts/Marianne-Regular.woff2")).andExpect(status().isOk());
		mvc.perform(get("/dsfr/icons/system/close-line.svg")).andExpect(status().isOk());
		mvc.perform(get("/dsfr/no-such-file.css")).andExpect(status().isNotFound());
	}

	private static Map<String, String> sums() throws IOException {
		return sums(DSFR);
	}

	private static Map<String, String> sums(Path folder) throws IOException {
		Map<String, String> sums = new TreeMap<>();
		for (String line : Files.readAllLines(folder.resolve("SHA256SUMS"))) {
			sums.put(line.substring(66), line.substring(0, 64));
		}
		return sums;
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
