package fr.gouv.nuage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chain shows any entry edited, deleted, inserted or rewritten. */
class AuditChainTest {

	private static List<AuditEntry> log(int size) {
		List<AuditEntry> entries = new ArrayList<>();
		AuditEntry previous = null;
		for (int i = 0; i < size; i++) {
			previous = AuditChain.next(previous, Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i), "agent-" + i,
					"PROJECT_ASSESSED", "project:" + i, i == 0 ? null : "{\"verdict\":\"INCOMPLETE\"}",
					"{\"verdict\":\"COMPLIANT\"}");
			entries.add(previous);
		}
		return entries;
	}

	private static AuditEntry withActor(AuditEntry e, String actor) {
		return new AuditEntry(e.seq(), e.at(), actor, e.action(), e.subject(), e.before(), e.after(), e.previousHash(),
				e.hash());
	}

	@Test
	void anUntouchedLogIsIntact() {
		List<AuditEntry> entries = log(5);
		assertThat(AuditChain.verify(entries).intact()).isTrue();
		assertThat(AuditChain.verify(entries, 5, entries.get(4).hash()))
			.isEqualTo(new AuditChain.Verification(true, 5, 0, null));
		assertThat(AuditChain.verify(List.of(), 0, AuditChain.GENESIS).intact()).isTrue();
	}

	@Test
	void anEditedEntryBreaksItsHash() {
		List<AuditEntry> entries = log(5);
		entries.set(2, withActor(entries.get(2), "someone else"));
		assertThat(AuditChain.verify(entries))
			.isEqualTo(new AuditChain.Verification(false, 3, 3, "entry 3 was edited: its hash does not match"));
	}

	@Test
	void aRewrittenEntryBreaksTheLinkToTheNextOne() {
		List<AuditEntry> entries = log(5);
		AuditEntry e = entries.get(2);
		String hash = AuditChain.hash(e.seq(), e.at(), "someone else", e.action(), e.subject(), e.before(), e.after(),
				e.previousHash());
		entries.set(2, new AuditEntry(e.seq(), e.at(), "someone else", e.action(), e.subject(), e.before(), e.after(),
				e.previousHash(), hash));
		assertThat(AuditChain.verify(entries).reason())
			.isEqualTo("entry 4 does not follow entry 3: the chain was rewritten");
	}

	@Test
	void aDeletedEntryIsMissing() {
		List<AuditEntry> entries = log(5);
		entries.remove(1);
		assertThat(AuditChain.verify(entries).reason()).isEqualTo("entry 2 missing: deleted from the log");
		List<AuditEntry> truncated = log(5);
		String head = truncated.get(4).hash();
		truncated.remove(4);
		truncated.remove(3);
		assertThat(AuditChain.verify(truncated, 5, head).reason())
			.isEqualTo("entries 4 to 5 missing: deleted from the end of the log");
	}

	@Test
	void fieldsCannotBeShiftedFromOneToTheNext() {
		Instant at = Instant.parse("2026-11-22T10:00:00Z");
		assertThat(AuditChain.hash(1, at, "ab", "c", "s", null, null, AuditChain.GENESIS))
			.isNotEqualTo(AuditChain.hash(1, at, "a", "bc", "s", null, null, AuditChain.GENESIS));
		assertThat(AuditChain.hash(1, at, "a", "b", "s", null, "", AuditChain.GENESIS))
			.isNotEqualTo(AuditChain.hash(1, at, "a", "b", "s", "", null, AuditChain.GENESIS));
	}

}
