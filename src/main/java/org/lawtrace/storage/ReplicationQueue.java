package org.lawtrace.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.DatabaseTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable replication queue ({@code storage_replication}, ART-15.3): one row per blob of the primary store, kept
 * after it is verified on the replica, so the table is also the record of what the replica holds and when it was
 * last proven. Every change runs in a transaction of its own: enqueuing must neither join nor break an upload's.
 */
@Repository
class ReplicationQueue {

	private static final int ERROR_LENGTH = 2000;

	private final JdbcClient jdbc;
	private final TransactionTemplate own;

	ReplicationQueue(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A row taken by this instance until its lease ends. */
	record Claim(String sha256, @Nullable Long sizeBytes, @Nullable String sm3, int attempts) {

		@Nullable
		ContentDigest known() {
			return sizeBytes == null || sm3 == null ? null : new ContentDigest(sha256, sm3, sizeBytes);
		}
	}

	/** A blob whose copy keeps failing. */
	record Failure(String sha256, int attempts, @Nullable String lastError, @Nullable Instant failedAt,
			Instant nextAttemptAt) {
	}

	/** @return whether a row was added (false: the blob was queued or replicated before). */
	/** A blob destroyed under an approved disposition (ART-16) is not copied any more. */
	void withdraw(String sha256) {
		jdbc.sql("delete from storage_replication where sha256 = ?").param(sha256).update();
	}

	boolean enqueue(String sha256, @Nullable Long sizeBytes, Instant now) {
		return enqueue(sha256, sizeBytes, now, now);
	}

	/** @param due when it may be copied first. */
	boolean enqueue(String sha256, @Nullable Long sizeBytes, Instant now, Instant due) {
		try {
			var added = own.execute(status -> jdbc.sql("""
					insert into storage_replication (sha256, size_bytes, enqueued_at, next_attempt_at)
					select ?, ?, ?, ? where not exists (select 1 from storage_replication where sha256 = ?)""")
				.params(sha256, sizeBytes, DatabaseTime.utc(now), DatabaseTime.utc(due), sha256)
				.update());
			return added != null && added > 0;
		}
		catch (DuplicateKeyException raced) {
			return false;
		}
	}

	/** Adds a row for each of {@code sha256s} that has none; returns how many were added. */
	int enqueueMissing(Collection<String> sha256s, Instant now) {
		var known = new HashSet<>(jdbc.sql("select sha256 from storage_replication").query(String.class).list());
		var added = 0;
		for (var sha256 : sha256s) {
			if (!known.contains(sha256) && enqueue(sha256, null, now)) {
				added++;
			}
		}
		return added;
	}

	Set<String> all() {
		return new HashSet<>(jdbc.sql("select sha256 from storage_replication").query(String.class).list());
	}

	/**
	 * Takes the next due row that no other instance holds: {@code FOR UPDATE SKIP LOCKED} keeps two instances from
	 * taking the same row at the same moment, the lease ({@code claimed_until}) keeps them apart while it is copied.
	 */
	Optional<Claim> claim(Instant now, Duration lease) {
		return own.execute(status -> {
			var due = jdbc.sql("""
					select sha256, size_bytes, sm3, attempts from storage_replication
					where verified_at is null and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
					order by next_attempt_at, sha256 limit 1 for update skip locked""")
				.params(DatabaseTime.utc(now), DatabaseTime.utc(now))
				.query((rs, n) -> new Claim(rs.getString("sha256"), (Long) rs.getObject("size_bytes", Long.class),
						rs.getString("sm3"), rs.getInt("attempts") + 1))
				.optional();
			due.ifPresent(claim -> jdbc.sql("""
					update storage_replication set claimed_until = ?, attempts = attempts + 1 where sha256 = ?""")
				.params(DatabaseTime.utc(now.plus(lease)), claim.sha256())
				.update());
			return due;
		});
	}

	void verified(ContentDigest digest, Instant copiedAt, Instant verifiedAt) {
		own.executeWithoutResult(status -> jdbc.sql("""
				update storage_replication set size_bytes = ?, sm3 = coalesce(?, sm3), copied_at = ?, verified_at = ?,
				    claimed_until = null, last_error = null
				where sha256 = ?""")
			.params(digest.sizeBytes(), digest.sm3(), DatabaseTime.utc(copiedAt), DatabaseTime.utc(verifiedAt),
					digest.sha256())
			.update());
	}

	void failed(String sha256, String error, Instant now, Instant nextAttempt) {
		own.executeWithoutResult(status -> jdbc.sql("""
				update storage_replication set last_error = ?, failed_at = ?, next_attempt_at = ?, claimed_until = null
				where sha256 = ?""")
			.params(error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error, DatabaseTime.utc(now),
					DatabaseTime.utc(nextAttempt), sha256)
			.update());
	}

	/** Remembers the primary's SM3 once something computed it (the SM3 completion of an upload, a fixity check). */
	void knownDigest(ContentDigest digest) {
		if (digest.sm3() == null) {
			return;
		}
		own.executeWithoutResult(status -> jdbc.sql("""
				update storage_replication set sm3 = ?, size_bytes = ? where sha256 = ? and sm3 is null""")
			.params(digest.sm3(), digest.sizeBytes(), digest.sha256())
			.update());
	}

	/** The replication state the custodian sees. */
	record Counts(long blobs, long verified, long pending, long failing, @Nullable Instant oldestPendingSince,
			@Nullable Instant lastVerifiedAt) {
	}

	Counts counts() {
		return jdbc.sql("""
				select count(*) as blobs,
				    count(verified_at) as verified,
				    sum(case when verified_at is null then 1 else 0 end) as pending,
				    sum(case when verified_at is null and last_error is not null then 1 else 0 end) as failing,
				    min(case when verified_at is null then enqueued_at end) as oldest,
				    max(verified_at) as last_verified
				from storage_replication""")
			.query((rs, n) -> new Counts(rs.getLong("blobs"), rs.getLong("verified"), rs.getLong("pending"),
					rs.getLong("failing"), DatabaseTime.instant(rs.getObject("oldest", OffsetDateTime.class)),
					DatabaseTime.instant(rs.getObject("last_verified", OffsetDateTime.class))))
			.single();
	}

	List<Failure> failures(int limit) {
		return jdbc.sql("""
				select sha256, attempts, last_error, failed_at, next_attempt_at from storage_replication
				where verified_at is null and last_error is not null order by failed_at desc limit ?""")
			.params(limit)
			.query((rs, n) -> new Failure(rs.getString("sha256"), rs.getInt("attempts"), rs.getString("last_error"),
					DatabaseTime.instant(rs.getObject("failed_at", OffsetDateTime.class)),
					DatabaseTime.instant(rs.getObject("next_attempt_at", OffsetDateTime.class))))
			.list();
	}

	/** What the rows say a blob was when it was verified on the replica (size and SM3), for {@code restore}. */
	Optional<ContentDigest> recorded(String sha256) {
		return jdbc.sql("select size_bytes, sm3 from storage_replication where sha256 = ? and verified_at is not null and sm3 is not null")
			.params(sha256)
			.query((rs, n) -> rs.getString("sm3") == null ? null
					: new ContentDigest(sha256, rs.getString("sm3"), rs.getLong("size_bytes")))
			.optional();
	}

	/** When a blob's copy on the replica was verified; empty while it is not (or has no row). */
	Optional<Instant> verifiedAt(String sha256) {
		return jdbc.sql("select verified_at from storage_replication where sha256 = ? and verified_at is not null")
			.params(sha256)
			.query((rs, n) -> DatabaseTime.instant(rs.getObject("verified_at", OffsetDateTime.class)))
			.optional();
	}
}
