package fr.gouv.nuage.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages' language: French by default, English when a visitor follows the switch
 * ({@code ?lang=en}), remembered in a cookie that only says the language (exempt from
 * consent: it serves the visitor's own choice). The API's own {@code lang} parameter is
 * left to the API: only pages remember it.
 */
final class Languages implements HandlerInterceptor {

	/** The languages the pages are written in, the default first. */
	static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

	static final String PARAMETER = "lang";

	static final String COOKIE = "nuage_lang";

	/**
	 * How long the choice is remembered: CNIL's bound for an exempt cookie, 13 months.
	 */
	static final Duration KEPT = Duration.ofDays(395);

	static LocaleResolver resolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
		resolver.setDefaultLocale(Locale.FRENCH);
		// The browser's Accept-Language does not choose: the State's pages are French
		// unless the visitor switches.
		resolver.setDefaultLocaleFunction(request -> Locale.FRENCH);
		resolver.setCookieMaxAge(KEPT);
		resolver.setCookieSameSite("Lax");
		resolver.setCookieHttpOnly(true);
		return resolver;
	}

	private final LocaleResolver resolver;

	Languages(LocaleResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String asked = request.getParameter(PARAMETER);
		if (asked != null && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			SUPPORTED.stream()
				.filter(locale -> locale.getLanguage().equals(asked))
				.findFirst()
				.ifPresent(locale -> resolver.setLocale(request, response, locale));
		}
		return true;
	}

	/** The address of the page the request is for, in the other language. */
	static String switchTo(HttpServletRequest request, Locale current) {
		Locale other = current.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
		String query = request.getQueryString();
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(query)
			.replaceQueryParam(PARAMETER, other.getLanguage())
			.build(false)
			.toUriString();
	}

}
