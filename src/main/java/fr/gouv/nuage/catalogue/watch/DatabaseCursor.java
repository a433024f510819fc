package fr.gouv.nuage.catalogue.watch;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The watch's cursor in the database (Flyway V12), moved by compare-and-set: of two
 * instances that read the same day, the second one's update finds it moved (or waits for
 * the first to commit, then finds it moved) and changes nothing.
 */
@Repository
class DatabaseCursor implements WatchCursor {

	private static final String ID = "qualifications";

	private final JdbcClient jdbc;

	DatabaseCursor(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public LocalDate checkedUntil() {
		List<LocalDate> days = jdbc.sql("select checked_until from qualification_watch where id = :id")
			.param("id", ID)
			.query((rs, n) -> rs.getObject("checked_until", LocalDate.class))
			.list();
		return days.isEmpty() ? null : days.get(0);
	}

	@Override
	public boolean move(LocalDate from, LocalDate to) {
		// Two statements rather than `:from is null`, whose type PostgreSQL cannot infer
		// from a null.
		JdbcClient.StatementSpec update = from == null
				? jdbc
					.sql("update qualification_watch set checked_until = :to where id = :id and checked_until is null")
				: jdbc
					.sql("update qualification_watch set checked_until = :to where id = :id and checked_until = :from")
					.param("from", Date.valueOf(from));
		return update.param("to", Date.valueOf(to)).param("id", ID).update() == 1;
	}

}
