package fr.gouv.nuage.http;

import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language Nuage answers a request in: English when the caller's
 * {@code Accept-Language} prefers it to French, French otherwise (the State's services'
 * language).
 */
public final class CallerLanguage {

	private CallerLanguage() {
	}

	public static Locale of(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return Locale.FRENCH;
		}
		Enumeration<Locale> locales = request.getLocales();
		while (locales.hasMoreElements()) {
			String language = locales.nextElement().getLanguage();
			if (language.equals("en")) {
				return Locale.ENGLISH;
			}
			if (language.equals("fr")) {
				return Locale.FRENCH;
			}
		}
		return Locale.FRENCH;
	}

}
