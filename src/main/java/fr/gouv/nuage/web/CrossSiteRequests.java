package fr.gouv.nuage.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

import fr.gouv.nuage.http.CallerLanguage;
import fr.gouv.nuage.http.ProblemWriter;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Said;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A change signed in by the browser's session cookie is taken from Nuage's own pages
 * only. The API takes no CSRF token, and SameSite=Lax lets the cookie ride on a request
 * from a sibling site of the same registrable domain: so a POST, PUT, PATCH or DELETE of
 * a session that holds a sign-in is refused (403) when {@code Sec-Fetch-Site} says
 * {@code cross-site} or {@code same-site}, or when {@code Origin} is not the
 * application's own (the scheme, host and port of the request, as the forwarded headers
 * the server is configured for make them). A request without such a session — a visitor,
 * an API client with its own credentials — is not concerned: the cookie gives it nothing.
 */
class CrossSiteRequests extends OncePerRequestFilter {

	private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

	/** What {@code Sec-Fetch-Site} says of a request from another site. */
	private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

	private final ProblemWriter problems;

	CrossSiteRequests(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!CHANGES.contains(request.getMethod()) || !signedInBySession(request)) {
			chain.doFilter(request, response);
			return;
		}
		Locale language = CallerLanguage.of(request);
		Said detail = null;
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && OTHER_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
			detail = Said.of("web/problems", "cross-site.fetch-site", site.strip());
		}
		else {
			String own = origin(request);
			for (String origin : Collections.list(request.getHeaders("Origin"))) {
				if (!own.equals(normalised(origin))) {
					detail = Said.of("web/problems", "cross-site.origin", origin, own);
					break;
				}
			}
		}
		if (detail == null) {
			chain.doFilter(request, response);
			return;
		}
		problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "/problems/cross-site",
				Said.of("web/problems", "cross-site.title").in(language), detail.in(language)));
	}

	/**
	 * Whether the request names, by its cookie, a session that holds a sign-in: what a
	 * browser sends on its own, whoever asked it to.
	 */
	private static boolean signedInBySession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context)) {
			return false;
		}
		Authentication authentication = context.getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/** The application's own origin, as this request reached it. */
	private static String origin(HttpServletRequest request) {
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		return written(scheme, host(request.getServerName()), request.getServerPort());
	}

	/**
	 * An origin written as {@link #origin} writes it; {@code null} when it is not one
	 * ({@code null}, a path, a malformed address).
	 */
	private static String normalised(String origin) {
		try {
			URI uri = new URI(origin.strip());
			if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
					|| !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
					|| uri.getRawFragment() != null) {
				return null;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			return written(scheme, host(uri.getHost()),
					uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String host(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		return bare.toLowerCase(Locale.ROOT);
	}

	/** An origin as browsers write it: without the port its scheme takes by default. */
	private static String written(String scheme, String host, int port) {
		boolean byDefault = port == (scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1);
		return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + (byDefault ? "" : ":" + port);
	}

}
