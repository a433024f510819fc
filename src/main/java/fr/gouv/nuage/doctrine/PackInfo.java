package fr.gouv.nuage.doctrine;

/**
 * Who a decision comes from: the rule pack's id, version and the SHA-256 digest of its
 * file, with the circular it encodes.
 */
public record PackInfo(String id, String version, String digest, boolean draft, Text title, String circularNumber,
		String circularDate, String circularUrl, String source) implements java.io.Serializable {
}
