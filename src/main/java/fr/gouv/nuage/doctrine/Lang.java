package fr.gouv.nuage.doctrine;

import java.util.Locale;

/**
 * The two languages a decision explains itself in; French is the default of the State's
 * services.
 */
public enum Lang {

	FR, EN;

	public static Lang parse(String code) {
		for (Lang lang : values()) {
			if (lang.name().equalsIgnoreCase(code)) {
				return lang;
			}
		}
		throw new IllegalArgumentException("unknown language `" + code + "`, expected `fr` or `en`");
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
