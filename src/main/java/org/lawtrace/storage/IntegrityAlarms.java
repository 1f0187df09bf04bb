package org.lawtrace.storage;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.IntegrityAlarm;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.Text;
import org.lawtrace.staff.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alarm inbox (完整性告警): every {@link IntegrityAlarm} any module publishes (a copy failed its fixity check or
 * went missing, a record differs from the log, the log does not verify) is kept for the custodian and the discipline
 * unit (ART-13, ART-22) until one of them acknowledges it with a note; alarms are never deleted.
 */
@Service
public class IntegrityAlarms {

	private static final Logger log = LoggerFactory.getLogger(IntegrityAlarms.class);
	private static final int NOTE_MAX = 1000;

	private final JdbcClient jdbc;
	private final StaffDirectory staff;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	IntegrityAlarms(JdbcClient jdbc, StaffDirectory staff, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One alarm as the inbox keeps it.
	 *
	 * @param kind a stable code ({@code FIXITY_FAILED}, {@code COPY_MISSING}, ...); pages name it in words.
	 * @param acknowledgedBy the username of whoever acknowledged it, null while it is open.
	 */
	public record Alarm(UUID id, Instant raisedAt, String kind, String subjectType, String subjectId, String detail,
			@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable String note) {

		public boolean open() {
			return acknowledgedAt == null;
		}
	}

	/**
	 * Keeps the alarm in its own transaction, so an alarm raised in work that then fails is not lost with it, and
	 * logs it.
	 */
	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(IntegrityAlarm alarm) {
		var id = UUID.randomUUID();
		jdbc.sql("insert into storage_integrity_alarm (id, raised_at, kind, subject_type, subject_id, detail) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(id, utc(clock.instant()), shorten(alarm.kind(), 40), shorten(alarm.subjectType(), 40),
					shorten(alarm.subjectId(), 200), shorten(alarm.detail(), 2000))
			.update();
		log.error("INTEGRITY ALARM {} on {} {}: {} (custodian and discipline: GET /api/v1/integrity/alarms)",
				alarm.kind(), alarm.subjectType(), alarm.subjectId(), alarm.detail());
		events.publishEvent(new Raised(id, alarm));
	}

	/** @return the alarms, newest first: only those not yet acknowledged when {@code openOnly}. */
	@Transactional(readOnly = true)
	public List<Alarm> list(boolean openOnly, int limit) {
		return jdbc.sql("select id, raised_at, kind, subject_type, subject_id, detail, acknowledged_at, acknowledged_by, "
				+ "note from storage_integrity_alarm " + (openOnly ? "where acknowledged_at is null " : "")
				+ "order by raised_at desc, id limit :limit")
			.param("limit", limit)
			.query((rs, n) -> new Alarm(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
					instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), rs.getString(9)))
			.list();
	}

	@Transactional(readOnly = true)
	public long openCount() {
		return jdbc.sql("select count(*) from storage_integrity_alarm where acknowledged_at is null").query(Long.class)
			.single();
	}

	/**
	 * Acknowledges an alarm with what was done about it; an alarm is acknowledged once.
	 *
	 * @throws org.lawtrace.shared.InvalidInput on field {@code note} when it is blank or too long.
	 * @throws NotFound when there is no such alarm.
	 * @throws Conflict on field {@code id} when it was acknowledged already.
	 */
	@Transactional
	public Alarm acknowledge(UUID id, @Nullable String note, String username) {
		var text = Text.required("note", note, NOTE_MAX, "请填写处理说明 (say what was done about the alarm)");
		var who = staff.require(username);
		var changed = jdbc.sql("update storage_integrity_alarm set acknowledged_at = ?, acknowledged_by = ?, note = ? "
				+ "where id = ? and acknowledged_at is null")
			.params(utc(clock.instant()), username, text, id)
			.update();
		if (changed == 0) {
			var exists = jdbc.sql("select count(*) from storage_integrity_alarm where id = ?").params(id)
				.query(Integer.class).single() > 0;
			if (!exists) {
				throw new NotFound("alarm", id);
			}
			throw new Conflict("id", "该告警已确认 (the alarm was acknowledged already)");
		}
		events.publishEvent(new Acknowledged(who.id(), id, text));
		return list(false, Integer.MAX_VALUE).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
	}

	/** The alarm in the audit log, at once. */
	public record Raised(UUID id, IntegrityAlarm alarm) implements Audited.AtOnce {

		@Override
		public @Nullable StaffId actor() {
			return null;
		}

		@Override
		public String action() {
			return "INTEGRITY_ALARM";
		}

		@Override
		public String subjectType() {
			return alarm.subjectType();
		}

		@Override
		public String subjectId() {
			return alarm.subjectId();
		}

		@Override
		public String outcome() {
			return "FAILED";
		}

		@Override
		public String details() {
			return "alarm=" + id + " kind=" + alarm.kind();
		}
	}

	/** An acknowledgement, logged with its transaction. */
	public record Acknowledged(StaffId actor, UUID id, String note) implements Audited {

		@Override
		public String action() {
			return "INTEGRITY_ALARM_ACKNOWLEDGED";
		}

		@Override
		public String subjectType() {
			return "INTEGRITY_ALARM";
		}

		@Override
		public String subjectId() {
			return id.toString();
		}

		@Override
		public String details() {
			return "note=" + shorten(note, 500);
		}
	}

	private static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
