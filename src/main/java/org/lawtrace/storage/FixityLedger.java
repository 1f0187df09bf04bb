package org.lawtrace.storage;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The fixity records (校验记录): one row per copy of each recorded blob with its last check, and one row per check
 * ever made, which is never changed or deleted (ART-22(2)).
 */
@Repository
class FixityLedger {

	private final JdbcClient jdbc;

	FixityLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A copy to check: which blob, where, and what the records say it is. */
	record CopyToCheck(ContentDigest expected, Copy copy, @Nullable Instant sm3CheckedAt) {
	}

	/**
	 * Adds a row for each copy of each recorded blob it has none for, and takes up an SM3 the records have computed
	 * since; rows are never removed (a blob whose record is gone stays checked).
	 */
	/**
	 * A copy destroyed under an approved disposition (ART-16) is no longer checked; its past checks stay, as every
	 * check ever made does.
	 */
	void forget(String sha256, Copy copy) {
		jdbc.sql("delete from storage_fixity_copy where sha256 = ? and copy_kind = ?").params(sha256, copy.name()).update();
	}

	void takeUp(Collection<ContentDigest> recorded, List<Copy> copies) {
		Map<String, Boolean> known = new HashMap<>();
		jdbc.sql("select sha256, copy_kind, sm3 from storage_fixity_copy")
			.query((rs, n) -> known.put(rs.getString(1).strip() + "/" + rs.getString(2), rs.getString(3) != null))
			.list();
		for (var digest : recorded) {
			for (var copy : copies) {
				var hasSm3 = known.get(digest.sha256() + "/" + copy);
				if (hasSm3 == null) {
					try {
						jdbc.sql("insert into storage_fixity_copy (sha256, copy_kind, size_bytes, sm3) values (?, ?, ?, ?)")
							.params(digest.sha256(), copy.name(), digest.sizeBytes(), digest.sm3())
							.update();
					}
					catch (org.springframework.dao.DuplicateKeyException takenUpByAnotherRun) {
						// another instance's run took it up a moment ago: nothing to add
					}
					known.put(digest.sha256() + "/" + copy, digest.sm3() != null);
				}
				else if (!hasSm3 && digest.sm3() != null) {
					jdbc.sql("update storage_fixity_copy set sm3 = ? where sha256 = ? and copy_kind = ? and sm3 is null")
						.params(digest.sm3(), digest.sha256(), copy.name())
						.update();
				}
			}
		}
	}

	/** Bytes that must be read before the next run for no copy to go unchecked longer than a cycle. */
	long bytesDue(Instant checkedBefore, List<Copy> copies) {
		return jdbc.sql("select coalesce(sum(size_bytes), 0) from storage_fixity_copy where copy_kind in (:copies) "
				+ "and (last_checked_at is null or last_checked_at < :before or last_result in ('FAILED', 'MISSING'))")
			.param("copies", names(copies))
			.param("before", utc(checkedBefore))
			.query(Long.class)
			.single();
	}

	long bytesHeld(List<Copy> copies) {
		return jdbc.sql("select coalesce(sum(size_bytes), 0) from storage_fixity_copy where copy_kind in (:copies)")
			.param("copies", names(copies))
			.query(Long.class)
			.single();
	}

	/**
	 * Claims the copy that waits longest (a copy known bad first, then one never checked, then the least recently
	 * checked), skipping copies another instance holds and those already checked in this run.
	 *
	 * @return the claimed copy, or null when none is left.
	 */
	@Nullable
	CopyToCheck claimNext(Instant now, Instant runStarted, Duration lease, String owner, List<Copy> copies) {
		for (var attempt = 0; attempt < 5; attempt++) {
			var candidates = jdbc.sql("select sha256, copy_kind, size_bytes, sm3, sm3_checked_at from storage_fixity_copy "
					+ "where copy_kind in (:copies) and (lease_until is null or lease_until < :now) "
					+ "and (last_checked_at is null or last_checked_at < :started) "
					+ "order by case when last_result in ('FAILED', 'MISSING') then 0 else 1 end, "
					+ "last_checked_at nulls first, sha256, copy_kind limit 10")
				.param("copies", names(copies))
				.param("now", utc(now))
				.param("started", utc(runStarted))
				.query((rs, n) -> new CopyToCheck(new ContentDigest(rs.getString(1), rs.getString(4), rs.getLong(3)),
						Copy.valueOf(rs.getString(2)), instant(rs.getObject(5, OffsetDateTime.class))))
				.list();
			if (candidates.isEmpty()) {
				return null;
			}
			for (var candidate : candidates) {
				// the conditional update is the claim: of two instances racing, exactly one changes the row
				// checked by another run since it was selected: not again
				var claimed = jdbc.sql("update storage_fixity_copy set lease_until = ?, lease_owner = ? "
						+ "where sha256 = ? and copy_kind = ? and (lease_until is null or lease_until < ?) "
						+ "and (last_checked_at is null or last_checked_at < ?)")
					.params(utc(now.plus(lease)), owner, candidate.expected().sha256(), candidate.copy().name(), utc(now),
							utc(runStarted))
					.update();
				if (claimed == 1) {
					return candidate;
				}
			}
		}
		return null;
	}

	/** Gives a claimed copy back unchecked. */
	void release(CopyToCheck target) {
		jdbc.sql("update storage_fixity_copy set lease_until = null, lease_owner = null where sha256 = ? and copy_kind = ?")
			.params(target.expected().sha256(), target.copy().name())
			.update();
	}

	/** Records one check and makes it the copy's latest, releasing the copy's claim. */
	void record(String sha256, Copy copy, long sizeBytes, Instant at, String algorithm, CheckResult result, long bytesRead,
			@Nullable String detail) {
		jdbc.sql("insert into storage_fixity_check (id, sha256, copy_kind, checked_at, algorithm, result, bytes_read, "
				+ "detail) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), sha256, copy.name(), utc(at), algorithm, result.name(), bytesRead,
					detail == null ? null : shorten(detail, 1000))
			.update();
		var withSm3 = FixityAudits.FULL.equals(algorithm) && result != CheckResult.FAILED && result != CheckResult.MISSING;
		var updated = jdbc.sql("update storage_fixity_copy set last_checked_at = ?, last_result = ?, lease_until = null, "
				+ "lease_owner = null" + (withSm3 ? ", sm3_checked_at = ?" : "") + " where sha256 = ? and copy_kind = ?")
			.params(withSm3 ? List.of(utc(at), result.name(), utc(at), sha256, copy.name())
					: List.of(utc(at), result.name(), sha256, copy.name()))
			.update();
		if (updated == 0) {
			// a whole read found it before any run took the blob up
			try {
				jdbc.sql("insert into storage_fixity_copy (sha256, copy_kind, size_bytes, last_checked_at, last_result) "
						+ "values (?, ?, ?, ?, ?)")
					.params(sha256, copy.name(), sizeBytes, utc(at), result.name())
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException takenUpMeanwhile) {
				jdbc.sql("update storage_fixity_copy set last_checked_at = ?, last_result = ? where sha256 = ? and copy_kind = ?")
					.params(utc(at), result.name(), sha256, copy.name())
					.update();
			}
		}
	}

	/** Whether the copy's latest check found it damaged or missing and it has not been repaired since. */
	boolean knownBad(String sha256, Copy copy) {
		return jdbc.sql("select count(*) from storage_fixity_copy where sha256 = ? and copy_kind = ? "
				+ "and last_result in ('FAILED', 'MISSING')")
			.params(sha256, copy.name())
			.query(Integer.class)
			.single() > 0;
	}

	UUID runStarted(Instant at, long budget, String instance) {
		var id = UUID.randomUUID();
		jdbc.sql("insert into storage_fixity_run (id, started_at, checked, bytes_read, budget, instance) "
				+ "values (?, ?, 0, 0, ?, ?)")
			.params(id, utc(at), budget, instance)
			.update();
		return id;
	}

	void runFinished(UUID id, Instant at, int checked, long bytesRead) {
		jdbc.sql("update storage_fixity_run set finished_at = ?, checked = ?, bytes_read = ? where id = ?")
			.params(utc(at), checked, bytesRead, id)
			.update();
	}

	/** How many checks of each result each copy had in {@code [from, to)}. */
	Map<Copy, Map<CheckResult, Long>> tally(Instant from, Instant to) {
		Map<Copy, Map<CheckResult, Long>> tally = new java.util.EnumMap<>(Copy.class);
		for (var copy : Copy.values()) {
			var counts = new java.util.EnumMap<CheckResult, Long>(CheckResult.class);
			for (var result : CheckResult.values()) {
				counts.put(result, 0L);
			}
			tally.put(copy, counts);
		}
		jdbc.sql("select copy_kind, result, count(*) from storage_fixity_check where checked_at >= ? and checked_at < ? "
				+ "group by copy_kind, result")
			.params(utc(from), utc(to))
			.query((rs, n) -> tally.get(Copy.valueOf(rs.getString(1))).put(CheckResult.valueOf(rs.getString(2)), rs.getLong(3)))
			.list();
		return tally;
	}

	/** How many distinct copies were checked in {@code [from, to)}, and how many copies there are. */
	long copiesCheckedSince(Instant from) {
		return jdbc.sql("select count(*) from storage_fixity_copy where last_checked_at >= ?")
			.params(utc(from))
			.query(Long.class)
			.single();
	}

	long copies() {
		return jdbc.sql("select count(*) from storage_fixity_copy").query(Long.class).single();
	}

	long neverChecked() {
		return jdbc.sql("select count(*) from storage_fixity_copy where last_checked_at is null").query(Long.class)
			.single();
	}

	@Nullable
	Instant oldestCheck() {
		return jdbc.sql("select min(last_checked_at) from storage_fixity_copy").query(OffsetDateTime.class).optional()
			.map(t -> instant(t)).orElse(null);
	}

	long knownBadCopies() {
		return jdbc.sql("select count(*) from storage_fixity_copy where last_result in ('FAILED', 'MISSING')")
			.query(Long.class).single();
	}

	/** The last finished run. */
	record Run(Instant startedAt, @Nullable Instant finishedAt, int checked, long bytesRead, long budget) {
	}

	@Nullable
	Run lastRun() {
		return jdbc.sql("select started_at, finished_at, checked, bytes_read, budget from storage_fixity_run "
				+ "order by started_at desc limit 1")
			.query((rs, n) -> new Run(rs.getObject(1, OffsetDateTime.class).toInstant(),
					instant(rs.getObject(2, OffsetDateTime.class)), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
			.optional().orElse(null);
	}

	/** One recorded check. */
	record Check(String sha256, Copy copy, Instant checkedAt, String algorithm, CheckResult result, long bytesRead,
			@Nullable String detail) {
	}

	/** The checks of {@code [from, to)} that did not pass, newest first. */
	List<Check> failures(Instant from, Instant to) {
		return checks("where checked_at >= :from and checked_at < :to and result <> 'PASSED'", from, to);
	}

	/** Every check of one blob, newest first. */
	List<Check> checksOf(String sha256) {
		return jdbc.sql("select sha256, copy_kind, checked_at, algorithm, result, bytes_read, detail "
				+ "from storage_fixity_check where sha256 = ? order by checked_at desc")
			.params(sha256)
			.query((rs, n) -> check(rs))
			.list();
	}

	private List<Check> checks(String where, Instant from, Instant to) {
		return new ArrayList<>(jdbc.sql("select sha256, copy_kind, checked_at, algorithm, result, bytes_read, detail "
				+ "from storage_fixity_check " + where + " order by checked_at desc")
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, n) -> check(rs))
			.list());
	}

	private static Check check(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Check(rs.getString(1).strip(), Copy.valueOf(rs.getString(2)),
				rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), CheckResult.valueOf(rs.getString(5)),
				rs.getLong(6), rs.getString(7));
	}

	private static List<String> names(List<Copy> copies) {
		return copies.stream().map(Copy::name).toList();
	}

	private static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
