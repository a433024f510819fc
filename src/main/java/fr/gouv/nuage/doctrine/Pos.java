package fr.gouv.nuage.doctrine;

/** A 1-based line and column in a pack file. */
record Pos(int line, int column) {

	static final Pos START = new Pos(1, 1);

	Pos plusColumns(int n) {
		return new Pos(line, column + n);
	}
}
