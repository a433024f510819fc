package fr.gouv.nuage.catalogue.declarations;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.catalogue.Dating;
import fr.gouv.nuage.catalogue.Evidence;
import fr.gouv.nuage.catalogue.QualificationReview;
import fr.gouv.nuage.catalogue.QualificationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * DINUM's reviews of qualifications in the database, in the order they were made;
 * appended only.
 */
@Repository
class QualificationReviews {

	private final JdbcClient jdbc;

	QualificationReviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID id, QualificationReview review) {
		jdbc.sql(
				"""
						insert into qualification_review (id, offer_id, scheme, action, status, event_date, dating, scheme_version,
						    valid_until, evidence, comment, reviewer, reviewed_at)
						values (:id, :offer, :scheme, :action, :status, :date, :dating, :version, :until, :evidence, :comment,
						    :reviewer, :at)""")
			.param("id", id)
			.param("offer", review.offerId())
			.param("scheme", review.scheme())
			.param("action", review.action().name())
			.param("status", review.event().status().name())
			.param("date", Date.valueOf(review.event().date()))
			.param("dating", review.event().dating().name())
			.param("version", review.event().schemeVersion())
			.param("until", review.event().validUntil() == null ? null : Date.valueOf(review.event().validUntil()))
			.param("evidence", review.event().evidence().name())
			.param("comment", review.comment())
			.param("reviewer", review.reviewer())
			.param("at", Timestamp.from(review.at()))
			.update();
	}

	/** The ids of every review, in order: what the catalogue in force is built from. */
	List<UUID> ids() {
		return jdbc.sql("select id from qualification_review order by reviewed_at, id")
			.query((rs, n) -> rs.getObject("id", UUID.class))
			.list();
	}

	List<QualificationReview> inOrder() {
		return jdbc.sql("select * from qualification_review order by reviewed_at, id").query(this::review).list();
	}

	/** How many reviews an offer has had: part of its version. */
	int count(String offerId) {
		return jdbc.sql("select count(*) from qualification_review where offer_id = :offer")
			.param("offer", offerId)
			.query(Integer.class)
			.single();
	}

	private QualificationReview review(ResultSet rs, int row) throws SQLException {
		Date until = rs.getDate("valid_until");
		return new QualificationReview(rs.getString("offer_id"), rs.getString("scheme"),
				QualificationReview.Action.valueOf(rs.getString("action")),
				QualificationReview.event(QualificationStatus.valueOf(rs.getString("status")),
						rs.getDate("event_date").toLocalDate(), Dating.valueOf(rs.getString("dating")),
						rs.getString("scheme_version"), until == null ? null : until.toLocalDate(),
						Evidence.valueOf(rs.getString("evidence")), rs.getString("comment")),
				rs.getString("reviewer"), rs.getString("comment"), rs.getTimestamp("reviewed_at").toInstant());
	}

}
