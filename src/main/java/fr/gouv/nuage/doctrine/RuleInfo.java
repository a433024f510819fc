package fr.gouv.nuage.doctrine;

/**
 * A rule of a pack as its author wrote it: what it says, where it comes from, how sure
 * the source is.
 */
public record RuleInfo(String id, String block, boolean administration, Text title, Text text, Text obligation,
		String source, String confidence, Text uncertainty) {
}
