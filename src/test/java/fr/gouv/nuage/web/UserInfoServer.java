package fr.gouv.nuage.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * ProConnect's userinfo and keys, on loopback in front of mock-oauth2-server, which
 * answers its userinfo as JSON only: {@code /userinfo} answers the JWT given by
 * {@link #answer} (signed with a key of this server) once, the provider's JSON otherwise;
 * {@code /jwks} serves the provider's keys with this server's and counts how often it is
 * asked.
 */
final class UserInfoServer implements AutoCloseable {

	private final MockOAuth2Server provider;

	private final String issuerId;

	private final HttpServer server;

	private final HttpClient client = HttpClient.newHttpClient();

	private final List<RSAKey> keys = new CopyOnWriteArrayList<>();

	private final AtomicReference<String> next = new AtomicReference<>();

	private final AtomicInteger keyFetches = new AtomicInteger();

	/** The provider's keys, which it keeps for its life. */
	private final AtomicReference<List<JWK>> providerKeys = new AtomicReference<>();

	UserInfoServer(MockOAuth2Server provider, String issuerId) {
		this.provider = provider;
		this.issuerId = issuerId;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/userinfo", this::userInfo);
		server.createContext("/jwks", this::keys);
		server.start();
		rotate();
	}

	String url(String path) {
		return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path;
	}

	/** How many times the keys were asked for. */
	int keyFetches() {
		return keyFetches.get();
	}

	/**
	 * A new signing key, served with the others, which the next answers are signed with.
	 */
	void rotate() {
		try {
			keys.add(new RSAKeyGenerator(2048).keyID("userinfo-" + (keys.size() + 1)).generate());
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The next userinfo: these claims, signed as a JWT with the newest key. */
	void answer(Map<String, Object> claims) {
		JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issueTime(Date.from(Instant.now()))
			.expirationTime(Date.from(Instant.now().plusSeconds(300)));
		claims.forEach(set::claim);
		RSAKey key = keys.get(keys.size() - 1);
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				set.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		next.set(jwt.serialize());
	}

	private void userInfo(HttpExchange exchange) throws IOException {
		String jwt = next.getAndSet(null);
		if (jwt != null) {
			send(exchange, 200, "application/jwt", jwt);
			return;
		}
		HttpResponse<String> json = get(provider.userInfoUrl(issuerId).toString(),
				exchange.getRequestHeaders().getFirst("Authorization"));
		send(exchange, json.statusCode(), json.headers().firstValue("Content-Type").orElse("application/json"),
				json.body());
	}

	private void keys(HttpExchange exchange) throws IOException {
		keyFetches.incrementAndGet();
		if (providerKeys.get() == null) {
			try {
				providerKeys.set(JWKSet.parse(get(provider.jwksUrl(issuerId).toString(), null).body()).getKeys());
			}
			catch (ParseException e) {
				throw new IOException(e);
			}
		}
		List<JWK> all = new ArrayList<>(providerKeys.get());
		keys.forEach(key -> all.add(key.toPublicJWK()));
		send(exchange, 200, "application/json", new JWKSet(all).toString());
	}

	private HttpResponse<String> get(String url, String authorization) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
