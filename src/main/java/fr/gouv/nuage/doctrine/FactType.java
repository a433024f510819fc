package fr.gouv.nuage.doctrine;

/** The kinds of value a fact of the assessment schema can take. */
public enum FactType {

	BOOLEAN, NUMBER, STRING,
	/** One value among {@link Fact#values()}. */
	ENUM,
	/**
	 * A set of values among {@link Fact#values()}, written as an array of distinct items.
	 */
	ENUM_LIST

}
