package fr.gouv.nuage.doctrine;

/** A text of the doctrine in French and English. */
public record Text(String fr, String en) implements java.io.Serializable {

	public String in(Lang lang) {
		return lang == Lang.EN ? en : fr;
	}
}
