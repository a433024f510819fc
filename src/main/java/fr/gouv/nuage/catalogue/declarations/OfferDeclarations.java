package fr.gouv.nuage.catalogue.declarations;

import fr.gouv.nuage.catalogue.Catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Declarations and their history in the database; a stale copy is never saved over a
 * newer one.
 */
@Repository
class OfferDeclarations {

	private final JdbcClient jdbc;

	OfferDeclarations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The offer's id while a new offer's declaration awaits review, the key of V17's one
	 * pending declaration per new offer; {@code null} otherwise.
	 */
	private static String pendingNewOffer(OfferDeclaration declaration) {
		return declaration.kind() == OfferDeclaration.Kind.NEW_OFFER
				&& declaration.status() == DeclarationStatus.SUBMITTED ? declaration.offerId() : null;
	}

	void save(OfferDeclaration declaration) {
		if (declaration.version() == 0) {
			try {
				jdbc.sql("""
						insert into offer_declaration (id, offer_id, provider, provider_id, kind, content, status,
						    submitted_at, pending_new_offer, version)
						values (:id, :offer, :provider, :providerId, :kind, :content, :status, :at, :pending, 1)""")
					.param("id", declaration.id())
					.param("offer", declaration.offerId())
					.param("provider", declaration.provider())
					.param("providerId", declaration.providerId())
					.param("kind", declaration.kind().name())
					.param("content", declaration.content())
					.param("status", declaration.status().name())
					.param("at", Timestamp.from(declaration.submittedAt()))
					.param("pending", pendingNewOffer(declaration))
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// One pending declaration of a new offer per id (V17): another came
				// meanwhile.
				throw new DeclarationRefused(Catalogue.said("new-offer.pending", declaration.offerId()));
			}
		}
		else {
			int updated = jdbc.sql("""
					update offer_declaration set status = :status, pending_new_offer = :pending, version = version + 1
					where id = :id and version = :version""")
				.param("status", declaration.status().name())
				.param("pending", pendingNewOffer(declaration))
				.param("id", declaration.id())
				.param("version", declaration.version())
				.update();
			if (updated != 1) {
				throw new OptimisticLockingFailureException(
						"the declaration " + declaration.id() + " was changed by someone else; read it again");
			}
		}
		int stored = jdbc.sql("select count(*) from offer_declaration_event where declaration_id = :id")
			.param("id", declaration.id())
			.query(Integer.class)
			.single();
		for (DeclarationEvent event : declaration.history()) {
			if (event.seq() > stored) {
				jdbc.sql("""
						insert into offer_declaration_event (declaration_id, seq, at, actor, role, action, comment)
						values (:id, :seq, :at, :actor, :role, :action, :comment)""")
					.param("id", declaration.id())
					.param("seq", event.seq())
					.param("at", Timestamp.from(event.at()))
					.param("actor", event.actor())
					.param("role", event.role().name())
					.param("action", event.action())
					.param("comment", event.comment())
					.update();
			}
		}
		declaration.saved();
	}

	Optional<OfferDeclaration> find(UUID id) {
		return jdbc.sql("select * from offer_declaration where id = :id")
			.param("id", id)
			.query(this::declaration)
			.optional();
	}

	List<OfferDeclaration> withStatus(DeclarationStatus status) {
		return jdbc.sql("select * from offer_declaration where status = :status order by submitted_at, id")
			.param("status", status.name())
			.query(this::declaration)
			.list();
	}

	/**
	 * A page of the declarations with a status (any when null) from the provider
	 * organisations of these ids (any when null), oldest first.
	 */
	List<OfferDeclaration> page(DeclarationStatus status, java.util.Collection<String> providers, int page, int size) {
		return jdbc
			.sql("select * from offer_declaration where " + FILTER
					+ " order by submitted_at, id limit :size offset :offset")
			.param("anyStatus", status == null)
			.param("status", status == null ? "" : status.name())
			.param("anyProvider", providers == null)
			.param("providers", providers == null ? List.of("") : providers)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::declaration)
			.list();
	}

	long count(DeclarationStatus status, java.util.Collection<String> providers) {
		return jdbc.sql("select count(*) from offer_declaration where " + FILTER)
			.param("anyStatus", status == null)
			.param("status", status == null ? "" : status.name())
			.param("anyProvider", providers == null)
			.param("providers", providers == null ? List.of("") : providers)
			.query(Long.class)
			.single();
	}

	/**
	 * Providers are their organisations' ids, compared as they are: a name that reads
	 * alike is another organisation's.
	 */
	private static final String FILTER = "(:anyStatus = true or status = :status) "
			+ "and (:anyProvider = true or provider_id in (:providers))";

	/**
	 * The ids of the accepted declarations: what the catalogue in force is built from.
	 */
	List<UUID> acceptedIds() {
		return jdbc.sql("select id from offer_declaration where status = 'ACCEPTED' order by id")
			.query((rs, n) -> rs.getObject("id", UUID.class))
			.list();
	}

	/** How many declarations of an offer DINUM accepted. */
	int acceptedCount(String offerId) {
		return jdbc.sql("select count(*) from offer_declaration where status = 'ACCEPTED' and offer_id = :offer")
			.param("offer", offerId)
			.query(Integer.class)
			.single();
	}

	/**
	 * The accepted declarations in the order DINUM accepted them: later ones amend
	 * earlier ones.
	 */
	List<OfferDeclaration> acceptedInOrder() {
		return jdbc.sql("""
				select d.* from offer_declaration d
				join offer_declaration_event e on e.declaration_id = d.id and e.action = 'ACCEPTED'
				where d.status = 'ACCEPTED' order by e.at, d.id""").query(this::declaration).list();
	}

	private OfferDeclaration declaration(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<DeclarationEvent> history = jdbc.sql("""
				select seq, at, actor, role, action, comment from offer_declaration_event
				where declaration_id = :id order by seq""")
			.param("id", id)
			.query((e, n) -> new DeclarationEvent(e.getInt("seq"), e.getTimestamp("at").toInstant(),
					e.getString("actor"), Actor.Role.valueOf(e.getString("role")), e.getString("action"),
					e.getString("comment")))
			.list();
		return new OfferDeclaration(id, rs.getString("offer_id"), rs.getString("provider"), rs.getString("provider_id"),
				OfferDeclaration.Kind.valueOf(rs.getString("kind")), rs.getString("content"),
				DeclarationStatus.valueOf(rs.getString("status")), rs.getTimestamp("submitted_at").toInstant(), history,
				rs.getInt("version"));
	}

}
