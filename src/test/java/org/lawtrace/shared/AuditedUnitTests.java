package org.lawtrace.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingViewRefused;
import org.lawtrace.staff.AccountLocked;

/**
 * ART-22: an event that states its entry once ({@link Audited.Logged}) is logged with exactly those words; the
 * entries below are worded as they were before events stated them in one place.
 */
class AuditedUnitTests {

	@Test
	@DisplayName("an event's entry answers every question the audit log asks, a success unless refused")
	void loggedEventsAnswerFromTheirEntry() {
		var actor = StaffId.random();
		Audited done = (Audited.Logged) () -> new Audited.Entry(actor, "DONE", "THING", "42", "k=v");
		assertThat(done.actor()).isEqualTo(actor);
		assertThat(done.action()).isEqualTo("DONE");
		assertThat(done.subjectType()).isEqualTo("THING");
		assertThat(done.subjectId()).isEqualTo("42");
		assertThat(done.outcome()).isEqualTo("SUCCESS");
		assertThat(done.details()).isEqualTo("k=v");

		Audited refused = (Audited.Logged) () -> Audited.Entry.refused(null, "TRIED", "THING", "42", "why");
		assertThat(refused.outcome()).isEqualTo("REFUSED");
		assertThat(refused.actor()).isNull();
	}

	@Test
	@DisplayName("entries keep their wording: a refused view and a locked account")
	void wordingIsKept() {
		var viewer = StaffId.random();
		var recording = new RecordingId(UUID.fromString("00000000-0000-0000-0000-000000000007"));
		Audited view = new RecordingViewRefused(viewer, recording, "content");
		assertThat(view.actor()).isEqualTo(viewer);
		assertThat(view.action()).isEqualTo("VIEW");
		assertThat(view.subjectType()).isEqualTo("RECORDING");
		assertThat(view.subjectId()).isEqualTo(recording.toString());
		assertThat(view.outcome()).isEqualTo("REFUSED");
		assertThat(view.details()).isEqualTo("content not open to the viewer");
		assertThat(view).isInstanceOf(Audited.AtOnce.class);

		Audited locked = new AccountLocked("li.na", "10.0.0.7", Instant.parse("2026-01-02T03:04:05Z"), 5);
		assertThat(locked.actor()).isNull();
		assertThat(locked.action()).isEqualTo("ACCOUNT_LOCKED");
		assertThat(locked.subjectType()).isEqualTo("STAFF");
		assertThat(locked.subjectId()).isEqualTo("li.na");
		assertThat(locked.outcome()).isEqualTo("SUCCESS");
		assertThat(locked.details()).isEqualTo("address=10.0.0.7 until=2026-01-02T03:04:05Z failures=5");
	}
}
