package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The blob store on an S3-compatible object store (MinIO, Ceph, OSS-class), one object per blob under
 * {@code blobs/sha256/<hex>}, created once and never replaced; under Object Lock each object is retained in
 * COMPLIANCE mode, which not even the bucket's owner can lift.
 * <p>
 * Content is spooled to a local temporary file while it is digested, then uploaded with a known length and its
 * SHA-256, so the object lands directly under its final key, the server checks the transfer, and nothing is held in
 * memory; the price is local disk for the largest file in flight.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
	private static final int PRECONDITION_FAILED = 412;
	private static final int NOT_FOUND = 404;

	private final S3Client s3;
	private final String bucket;
	private final Period retention;
	private final Spool spool;
	private final Clock clock;
	private volatile @Nullable Boolean objectLockEnabled;

	S3BlobStore(S3Client s3, String bucket, Period retention, Spool spool, Clock clock) {
		this.s3 = s3;
		this.bucket = bucket;
		this.retention = retention;
		this.spool = spool;
		this.clock = clock;
	}

	@Override
	public StoredBlob store(InputStream in, @Nullable String expectedSha256) {
		return spool.ingest(in, expectedSha256, (spooled, digest) -> !contains(digest) && putOnce(spooled, digest));
	}

	@Override
	public boolean contains(ContentDigest digest) {
		try {
			s3.headObject(b -> b.bucket(bucket).key(keyOf(digest.sha256())));
			return true;
		}
		catch (S3Exception e) {
			if (e.statusCode() == NOT_FOUND) {
				return false;
			}
			throw e;
		}
	}

	@Override
	public InputStream open(ContentDigest digest) {
		return get(digest, GetObjectRequest.builder());
	}

	@Override
	public InputStream openRange(ContentDigest digest, long offset, long length) {
		Ranges.requireWithin(digest, offset, length);
		if (length == 0) {
			// HTTP cannot ask for zero bytes, but the blob must still exist
			if (!contains(digest)) {
				throw new NotFound("blob", digest.sha256());
			}
			return InputStream.nullInputStream();
		}
		return get(digest, GetObjectRequest.builder().range("bytes=" + offset + "-" + (offset + length - 1)));
	}

	@Override
	public ContentDigest verify(ContentDigest digest) {
		try (var in = open(digest)) {
			var calculated = TwinDigest.of(in);
			if (!calculated.equals(digest)) {
				throw new BlobCorrupted(digest, calculated);
			}
			return calculated;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		s3.close();
	}

	static String keyOf(String sha256) {
		return "blobs/sha256/" + sha256;
	}

	/**
	 * Uploads with {@code If-None-Match: *}, so an object that appeared since the existence check (another instance
	 * storing the same bytes) is left as it is.
	 *
	 * @return whether this call created the object.
	 */
	boolean putOnce(Path spooled, ContentDigest digest) {
		var request = PutObjectRequest.builder()
			.bucket(bucket)
			.key(keyOf(digest.sha256()))
			.ifNoneMatch("*")
			.contentLength(digest.sizeBytes())
			.contentType("application/octet-stream")
			.checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(digest.sha256())))
			.metadata(Map.of("sm3", digest.sm3()));
		var locked = objectLockEnabled();
		var retainUntil = retainUntil();
		if (locked) {
			request.objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(retainUntil);
		}
		try {
			s3.putObject(request.build(), RequestBody.fromFile(spooled));
		}
		catch (S3Exception e) {
			if (e.statusCode() == PRECONDITION_FAILED) {
				return false;
			}
			throw e;
		}
		if (locked) {
			ensureRetained(keyOf(digest.sha256()), retainUntil);
		}
		return true;
	}

	/**
	 * Some S3-compatible servers accept the Object Lock headers of a PUT and ignore them, so the retention is read
	 * back and, where missing or shorter, set explicitly; COMPLIANCE mode allows extending, never shortening.
	 */
	private void ensureRetained(String key, Instant retainUntil) {
		if (!isRetained(key, retainUntil)) {
			s3.putObjectRetention(b -> b.bucket(bucket).key(key).retention(r -> r
				.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(retainUntil)));
		}
	}

	private boolean isRetained(String key, Instant retainUntil) {
		try {
			var retention = s3.getObjectRetention(b -> b.bucket(bucket).key(key)).retention();
			return retention != null && retention.mode() == ObjectLockRetentionMode.COMPLIANCE
					&& retention.retainUntilDate() != null && !retention.retainUntilDate().isBefore(retainUntil);
		}
		catch (S3Exception e) {
			if (e.statusCode() == NOT_FOUND) {
				return false;
			}
			throw e;
		}
	}

	Instant retainUntil() {
		return clock.instant().atOffset(ZoneOffset.UTC).plus(retention).toInstant();
	}

	/** Asked once: a bucket's Object Lock can be switched on, never off. */
	boolean objectLockEnabled() {
		var enabled = objectLockEnabled;
		if (enabled == null) {
			enabled = readObjectLockEnabled();
			objectLockEnabled = enabled;
			if (enabled) {
				log.info("Bucket {} has Object Lock: each blob is retained in COMPLIANCE mode for {}", bucket, retention);
			}
			else {
				log.warn("Bucket {} has no Object Lock: blobs are write-once by this application's code alone", bucket);
			}
		}
		return enabled;
	}

	private boolean readObjectLockEnabled() {
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

	private InputStream get(ContentDigest digest, GetObjectRequest.Builder request) {
		try {
			return s3.getObject(request.bucket(bucket).key(keyOf(digest.sha256())).build());
		}
		catch (S3Exception e) {
			if (e.statusCode() == NOT_FOUND) {
				throw new NotFound("blob", digest.sha256());
			}
			throw e;
		}
	}
}
