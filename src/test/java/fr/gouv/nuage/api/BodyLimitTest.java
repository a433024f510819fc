package fr.gouv.nuage.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every body is bounded before it is parsed, on the real server: announced too large, it
 * is refused before it is read; sent in chunks, it is cut where it passes the limit. The
 * limit is a property (here lowered to 64 KB, 1 MB unless set).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuage.http.max-body=64KB")
@Tag("database")
class BodyLimitTest {

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newHttpClient();

	/** An assessment whose one text is {@code size} bytes long. */
	private static byte[] assessment(int size) {
		return ("{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"" + "x".repeat(size) + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/decisions"))
			.header("Content-Type", "application/json")
			.POST(body)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aBodyAnnouncedAboveTheLimitIsRefusedNamingIt() throws Exception {
		HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(assessment(200_000)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(response.body(), "$.detail"))
			.isEqualTo("the body is above the 64 KB this server reads");
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("body");
	}

	@Test
	void aChunkedBodyIsCutWhereItPassesTheLimit() throws Exception {
		HttpResponse<String> response = post(
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(assessment(200_000))));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(response.body(), "$.detail"))
			.isEqualTo("the body is above the 64 KB this server reads");
	}

	@Test
	void aBodyWithinTheLimitIsRead() throws Exception {
		HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(assessment(30_000)));
		// Read whole, and refused by the engine for what it says, not for its size.
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.title")).isEqualTo("Invalid assessment");
	}

}
