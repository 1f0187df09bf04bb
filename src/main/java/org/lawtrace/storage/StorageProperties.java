package org.lawtrace.storage;

import java.net.URI;
import java.nio.file.Path;
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
	 */
	record Replica(@DefaultValue("none") ReplicaType type, @Nullable Path root, @DefaultValue S3 s3) {
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
	 */
	record Audits(@DefaultValue("P90D") java.time.Duration cycle,
			@DefaultValue("50MB") org.springframework.util.unit.DataSize readRate,
			@DefaultValue("PT1H") java.time.Duration every, @DefaultValue("true") boolean enabled,
			@DefaultValue("P180D") java.time.Duration sm3Cycle, @DefaultValue("2") int threads) {

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
