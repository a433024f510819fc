package fr.gouv.nuage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.declarations.Actor;
import fr.gouv.nuage.catalogue.declarations.Declarations;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log in the real database: state changes of other modules are appended in
 * their transaction, and {@code nuage audit verify} finds an edited entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Tag("database")
class AuditLogTest {

	@Autowired
	AuditLog audit;

	@Autowired
	Declarations declarations;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String user;

	@Value("${spring.datasource.password:}")
	String password;

	@Test
	void aDeclarationsStepsAreAuditedAndTheChainHolds() {
		long before = audit.entries().size();
		String content = CatalogueJson.declaration(Catalogue.reference().offer("scaleway").orElseThrow());
		Declarations.Submitted submitted = (Declarations.Submitted) declarations.submit(
				Actor.provider("Dana", Catalogue.reference().offer("scaleway").orElseThrow().providerId()), content);
		UUID id = submitted.declaration().id();
		declarations.reject(id, Actor.dinum("Bruno"), "nothing new");
		List<AuditEntry> entries = audit.entries();
		assertThat(entries.subList((int) before, entries.size())).extracting(AuditEntry::action, AuditEntry::subject)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("OFFER_DECLARATION_SUBMITTED", "declaration:" + id),
					org.assertj.core.groups.Tuple.tuple("OFFER_DECLARATION_REJECTED", "declaration:" + id));
		assertThat(entries.get(entries.size() - 1).actor()).isEqualTo("Bruno");
		assertThat(audit.verify().intact()).isTrue();
		assertThat(verifyFromTheCommandLine()).startsWith("intact: ");
	}

	@Test
	void anEditedEntryIsFoundByTheCommandLine() {
		declarations.submit(Actor.provider("Dana", Catalogue.reference().offer("scaleway").orElseThrow().providerId()),
				CatalogueJson.declaration(Catalogue.reference().offer("scaleway").orElseThrow()));
		AuditEntry last = audit.entries().get(audit.entries().size() - 1);
		jdbc.sql("update audit_entry set actor = 'Mallory' where seq = :seq").param("seq", last.seq()).update();
		try {
			assertThat(audit.verify().reason())
				.isEqualTo("entry " + last.seq() + " was edited: its hash does not match");
			assertThat(verifyFromTheCommandLine()).isEqualTo(
					"BROKEN at entry " + last.seq() + ": entry " + last.seq() + " was edited: its hash does not match");
		}
		finally {
			jdbc.sql("update audit_entry set actor = :actor where seq = :seq")
				.param("actor", last.actor())
				.param("seq", last.seq())
				.update();
		}
		assertThat(audit.verify().intact()).isTrue();
		assertThat(audit.entries().get(audit.entries().size() - 1).actor()).as("the entry is as it was written")
			.isEqualTo(last.actor());
	}

	private String verifyFromTheCommandLine() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		fr.gouv.nuage.cli.NuageCliAccess.run(new String[] { "audit", "verify", "--db", url, "--user", user,
				"--password", password == null ? "" : password }, new PrintWriter(out), new PrintWriter(err));
		return (out.toString() + err.toString()).strip();
	}

}
