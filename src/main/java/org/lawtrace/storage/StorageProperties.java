package org.lawtrace.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where blobs are kept ({@code lawtrace.storage.*}): a directory tree by default, or an S3-compatible bucket; the
 * root directory also holds the temporary files of uploads in progress for either kind.
 */
@ConfigurationProperties("lawtrace.storage")
record StorageProperties(@DefaultValue("filesystem") Type type, @Nullable Path root, @DefaultValue S3 s3,
		@DefaultValue Replica replica, @DefaultValue Audits fixity) {

	enum Type {
		FILESYSTEM, S3
	}

	/**
	 * @param retention how long each object is retained under Object Lock; a {@link Period} because the rules count
	 *        years, not hours.
	 */
	record S3(@Nullable URI endpoint, @DefaultValue("us-east-1") String region, @Nullable String bucket,
			@Nullable String accessKey, @Nullable String secretKey, @DefaultValue("true") boolean pathStyle,
			@DefaultValue("P30Y") Period retention) {
	}

	/**
	 * The off-site copy (异地备份, ART-15.3) ({@code lawtrace.storage.replica.*}): {@code none} by default, or a
	 * second filesystem tree (another site's mount) or S3 bucket, holding a copy of every blob.
	 *
	 * @param schedule {@code continuous}: each blob is copied as soon as it is stored; {@code window}: only within
	 *        {@code window} each day (定期, "on a schedule"), bureau time.
	 * @param window {@code HH:mm-HH:mm} in the bureau's time zone; may span midnight ({@code 22:00-04:00}).
	 * @param pollEvery how often the queue is looked at when nothing nudged it.
	 * @param catchUpEvery how often the store's inventory is compared with the queue (and at every start).
	 * @param retryAfter the wait after a first failure, doubled after each further one up to {@code retryAtMost}.
	 * @param alarmAfter the attempts after which a copy that keeps failing raises an integrity alarm.
	 * @param lease how long an instance holds a row it copies before another may take it over.
	 * @param settle how long after it is stored a blob waits before it is copied, so that the upload's own SM3
	 *        (computed right after it, ADR 0003) is on record and the copy need not compute it again.
	 * @param metadataExport when the database's records are exported into the replica (Spring cron, bureau time);
	 *        {@code -} switches the export off.
	 * @param readBack what the copy is checked against when it is read back (ADR 0032): {@code sha256}, its SHA-256
	 *        and size, which proves it holds the very bytes the blob is named by, and the copy's SM3 is recomputed by
	 *        its first fixity check, which takes copies never checked before all others; {@code sha256-sm3}, both at
	 *        once, at SM3's speed (a quarter of the disk's on the machines measured, docs/sizing.md).
	 */
	record Replica(@DefaultValue("none") ReplicaType type, @Nullable Path root, @DefaultValue S3 s3,
			@DefaultValue("continuous") Schedule schedule, @DefaultValue("01:00-05:00") String window,
			@DefaultValue("PT5S") Duration pollEvery, @DefaultValue("PT1H") Duration catchUpEvery,
			@DefaultValue("PT30S") Duration retryAfter, @DefaultValue("PT1H") Duration retryAtMost,
			@DefaultValue("5") int alarmAfter, @DefaultValue("PT30M") Duration lease,
			@DefaultValue("PT2M") Duration settle, @DefaultValue("0 0 2 * * *") String metadataExport,
			@DefaultValue("sha256") ReadBack readBack) {
	}

	/** The digests a copy's read-back recomputes ({@code lawtrace.storage.replica.read-back}). */
	enum ReadBack {
		SHA256, SHA256_SM3;

		boolean withSm3() {
			return this == SHA256_SM3;
		}
	}

	enum Schedule {
		CONTINUOUS, WINDOW
	}

	/**
	 * The rolling fixity audit ({@code lawtrace.storage.fixity.*}, 固定性校验).
	 *
	 * @param cycle every copy is checked at least once this often.
	 * @param readRate the most the audit reads per second, across both copies, so it never starves uploads and playback.
	 * @param every how often a run starts; each may read at most {@code readRate × every}.
	 * @param enabled whether the scheduled runs happen at all (the status page says when they are off).
	 * @param sm3Cycle SM3 is recomputed by a copy's check at least this often (and by its first check and after a
	 *        repair); the other checks recompute SHA-256 and size only, several times faster. {@code PT0S}: every check.
	 * @param threads how many copies a run checks at once; digesting is CPU-bound, so this is about the cores it may
	 *        use, while {@code readRate} still bounds the reads of all of them together.
	 * @param wholeReadRecheck a whole read of a file whose bytes were checked by an earlier whole read within this
	 *        time, and which lies on disk unchanged since (same device, inode, size, modification and change times),
	 *        is sent by zero-copy instead of checked again; {@code PT0S}: every whole read is checked as it streams.
	 */
	record Audits(@DefaultValue("P90D") java.time.Duration cycle,
			@DefaultValue("50MB") org.springframework.util.unit.DataSize readRate,
			@DefaultValue("PT1H") java.time.Duration every, @DefaultValue("true") boolean enabled,
			@DefaultValue("P180D") java.time.Duration sm3Cycle, @DefaultValue("2") int threads,
			@DefaultValue("PT10M") java.time.Duration wholeReadRecheck) {

		/** The bytes one run may read. */
		long budgetPerRun() {
			return Math.max(1, readRate.toBytes()) * Math.max(1, every.toSeconds());
		}
	}

	enum ReplicaType {
		NONE, FILESYSTEM, S3
	}

	Path requireRoot() {
		if (root == null) {
			throw new IllegalStateException("lawtrace.storage.root must be set");
		}
		return root;
	}
}
