package org.lawtrace.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket's Object Lock (对象锁定, WORM at the storage layer): whether it is on, and COMPLIANCE retention for each
 * new object, which not even the bucket's owner can shorten or lift.
 */
final class ObjectLock {

	private static final Logger log = LoggerFactory.getLogger(ObjectLock.class);
	private static final int NOT_FOUND = 404;

	private final S3Client s3;
	private final String bucket;
	private final Period retention;
	private final Clock clock;
	private volatile @Nullable Boolean enabled;

	ObjectLock(S3Client s3, String bucket, Period retention, Clock clock) {
		this.s3 = s3;
		this.bucket = bucket;
		this.retention = retention;
		this.clock = clock;
	}

	/** Asked once: a bucket's Object Lock can be switched on, never off. */
	boolean enabled() {
		var known = enabled;
		if (known == null) {
			known = readEnabled();
			enabled = known;
			if (known) {
				log.info("Bucket {} has Object Lock: each blob is retained in COMPLIANCE mode for {}", bucket, retention);
			}
			else {
				log.warn("Bucket {} has no Object Lock: blobs are write-once by this application's code alone", bucket);
			}
		}
		return known;
	}

	/** The end of retention for an object stored now. */
	Instant retainUntil() {
		return clock.instant().atOffset(ZoneOffset.UTC).plus(retention).toInstant();
	}

	/**
	 * Some S3-compatible servers accept the Object Lock headers of a PUT and ignore them, so the retention is read
	 * back and, where missing or shorter, set explicitly; COMPLIANCE mode allows extending, never shortening.
	 */
	void ensureRetained(String key, Instant retainUntil) {
		if (!isRetained(key, retainUntil)) {
			s3.putObjectRetention(b -> b.bucket(bucket).key(key).retention(r -> r
				.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(retainUntil)));
		}
	}

	private boolean isRetained(String key, Instant retainUntil) {
		try {
			var current = s3.getObjectRetention(b -> b.bucket(bucket).key(key)).retention();
			return current != null && current.mode() == ObjectLockRetentionMode.COMPLIANCE
					&& current.retainUntilDate() != null && !current.retainUntilDate().isBefore(retainUntil);
		}
		catch (S3Exception e) {
			if (e.statusCode() == NOT_FOUND) {
				return false;
			}
			throw e;
		}
	}

	private boolean readEnabled() {
		try {
			var configuration = s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration();
			return configuration != null && configuration.objectLockEnabled() == ObjectLockEnabled.ENABLED;
		}
		catch (S3Exception e) {
			if (isNoObjectLockAnswer(e)) {
				return false;
			}
			throw e;
		}
	}

	/**
	 * AWS and MinIO answer a bucket without Object Lock with 404 ObjectLockConfigurationNotFoundError; S3Mock with
	 * 400 InvalidRequest naming the missing configuration. Any other failure is not taken as "no lock", so a
	 * misconfigured client cannot quietly store originals without retention.
	 */
	private static boolean isNoObjectLockAnswer(S3Exception e) {
		var error = e.awsErrorDetails();
		var code = error == null ? null : error.errorCode();
		var message = error == null || error.errorMessage() == null ? "" : error.errorMessage();
		return e.statusCode() == NOT_FOUND || "ObjectLockConfigurationNotFoundError".equals(code)
				|| ("InvalidRequest".equals(code) && message.contains("Object Lock Configuration"));
	}
}
