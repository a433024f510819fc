package fr.gouv.nuage.catalogue.watch;

import java.time.LocalDate;

/**
 * The last day whose qualification changes were published, wherever instances keep it in
 * common.
 */
interface WatchCursor {

	/** The last day published; {@code null} before the watch first ran. */
	LocalDate checkedUntil();

	/**
	 * Moves the cursor from {@code from} ({@code null}: it never ran) to {@code to}, only
	 * if it still stands at {@code from}: false when another instance moved it meanwhile,
	 * and then nothing moved.
	 */
	boolean move(LocalDate from, LocalDate to);

}
