package fr.gouv.nuage.doctrine;

/**
 * A point of the doctrine a decision relies on while its source is uncertain; shown to
 * the user.
 */
public record Note(String id, String confidence, Text text) implements java.io.Serializable {
}
