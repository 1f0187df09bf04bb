package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.NotFound;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The blob store on an S3-compatible object store (MinIO, Ceph, OSS-class), one object per blob under
 * {@code blobs/sha256/<hex>}, created once and never replaced, and retained by the bucket's {@link ObjectLock} where
 * it has one.
 * <p>
 * Content is spooled to a local temporary file while it is digested, then uploaded with a known length and its
 * SHA-256, so the object lands directly under its final key, the server checks the transfer, and nothing is held in
 * memory; the price is local disk for the largest file in flight.
 */
final class S3BlobStore implements BlobStore, NamedFiles, AutoCloseable, Destructible {

	private static final int PRECONDITION_FAILED = 412;
	private static final int NOT_FOUND = 404;

	private final S3Client s3;
	private final String bucket;
	private final ObjectLock objectLock;
	private final Spool spool;
	private final Derivation derivation;
	private final Clock clock;
	/** Blobs a repair is writing over their quarantined object now: the one case where a put is not once-only. */
	private final java.util.Set<String> repairing = java.util.concurrent.ConcurrentHashMap.newKeySet();
	private static final String QUARANTINE = "quarantine/";

	S3BlobStore(S3Client s3, String bucket, Period retention, Spool spool, Clock clock) {
		this.s3 = s3;
		this.bucket = bucket;
		this.objectLock = new ObjectLock(s3, bucket, retention, clock);
		this.clock = clock;
		this.spool = spool;
		this.derivation = new Derivation(spool);
	}

	@Override
	public StoredBlob store(InputStream in, @Nullable String expectedSha256) {
		return spool.ingest(in, expectedSha256, this::place);
	}

	@Override
	public StagedBlob stage(InputStream in, @Nullable String expectedSha256) {
		return spool.stage(in, expectedSha256, this::place);
	}

	private boolean place(java.nio.file.Path spooled, ContentDigest digest) {
		if (repairing.contains(digest.sha256())) {
			return put(spooled, digest, false);
		}
		return !contains(digest) && putOnce(spooled, digest);
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
			return Fixity.verify(digest, in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Video tools must seek, which an object cannot do cheaply, so they read a local copy that is deleted after. */
	@Override
	public StoredBlob derive(ContentDigest source, List<String> command, Duration timeout) {
		if (!contains(source)) {
			throw new NotFound("blob", source.sha256());
		}
		return derivation.runOnCopy(() -> open(source), command, timeout, this::place);
	}

	/**
	 * Object Lock forbids deleting the damaged object, and that is as it should be: it is copied under
	 * {@code quarantine/}, and the fixity records make reads skip the blob's key until {@link #repair} writes a new
	 * version over it (the locked old version stays in the bucket's history).
	 */
	@Override
	public String quarantine(ContentDigest digest, java.time.Instant at) {
		if (!contains(digest)) {
			throw new NotFound("blob", digest.sha256());
		}
		var key = QUARANTINE + digest.sha256() + "." + at.toEpochMilli() + ".bad";
		s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(keyOf(digest.sha256())).destinationBucket(bucket)
			.destinationKey(key));
		return "s3://" + bucket + "/" + key;
	}

	@Override
	public ContentDigest repair(ContentDigest expected, InputStream good) {
		if (contains(expected) && !quarantined(expected)) {
			throw new IllegalStateException("Blob " + expected.sha256() + " is present and not quarantined; only a "
					+ "quarantined or missing copy is repaired");
		}
		try (var staged = spool.stage(good, null, this::place)) {
			ContentDigest checked;
			try (var in = staged.open()) {
				checked = Fixity.verify(expected, in);
			}
			staged.commit();
			return checked;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			repairing.remove(expected.sha256());
		}
	}

	/**
	 * Lawful disposition (ART-16), reached only through {@link BlobDestruction}: every version of the blob's object
	 * (and of a quarantined copy) is deleted by its version id, since a plain delete in a versioned bucket only hides
	 * the object behind a marker. Under Object Lock the store refuses until the retention date; that is reported as
	 * it is, with the date, and the caller must come back after it.
	 */
	@Override
	public BlobDestruction.CopyOutcome destroy(ContentDigest digest) {
		var key = keyOf(digest.sha256());
		var deleted = 0;
		try {
			// COMPLIANCE retention is the store's promise; not every S3-compatible server enforces it on deletes
			// (S3Mock does not), so the store does not even try before the date
			var until = retainedUntil(digest);
			if (until.isPresent() && until.get().isAfter(clock.instant())) {
				return new BlobDestruction.CopyOutcome(Copy.PRIMARY, BlobDestruction.Outcome.REFUSED_BY_STORE,
						"s3://" + bucket + "/" + key + ": Object Lock COMPLIANCE retention (retained until "
								+ until.get() + ")");
			}
			var versions = s3.listObjectVersions(b -> b.bucket(bucket).prefix(key));
			for (var version : versions.versions()) {
				if (version.key().equals(key)) {
					deleteVersion(key, version.versionId());
					deleted++;
				}
			}
			for (var marker : versions.deleteMarkers()) {
				if (marker.key().equals(key)) {
					deleteVersion(key, marker.versionId());
				}
			}
			if (deleted == 0 && contains(digest)) {
				s3.deleteObject(b -> b.bucket(bucket).key(key));
				deleted++;
			}
			var quarantinedPrefix = QUARANTINE + digest.sha256() + ".";
			for (var object : s3.listObjectsV2(b -> b.bucket(bucket).prefix(quarantinedPrefix)).contents()) {
				s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
			}
			return new BlobDestruction.CopyOutcome(Copy.PRIMARY,
					deleted > 0 ? BlobDestruction.Outcome.DESTROYED : BlobDestruction.Outcome.ABSENT,
					"s3://" + bucket + "/" + key);
		}
		catch (S3Exception e) {
			return new BlobDestruction.CopyOutcome(Copy.PRIMARY, BlobDestruction.Outcome.REFUSED_BY_STORE,
					"s3://" + bucket + "/" + key + ": " + e.statusCode() + " "
							+ (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode())
							+ retainedUntil(key));
		}
	}

	private void deleteVersion(String key, @Nullable String versionId) {
		if (versionId == null || versionId.isEmpty()) {
			s3.deleteObject(b -> b.bucket(bucket).key(key));
		}
		else {
			s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId));
		}
	}

	private String retainedUntil(String key) {
		try {
			var retention = s3.getObjectRetention(b -> b.bucket(bucket).key(key)).retention();
			return retention == null ? "" : " (retained until " + retention.retainUntilDate() + ")";
		}
		catch (S3Exception e) {
			return "";
		}
	}

	/**
	 * Keeps the blob's object at least until {@code until} (ART-16, holds and long-term marks): COMPLIANCE retention
	 * can be extended, never shortened, so an earlier date than the object already has changes nothing.
	 *
	 * @return whether the bucket has Object Lock at all; without it nothing can be set.
	 */
	boolean retainAtLeast(ContentDigest digest, java.time.Instant until) {
		if (!objectLock.enabled()) {
			return false;
		}
		objectLock.ensureRetained(keyOf(digest.sha256()), until);
		return true;
	}

	/** The blob object's retention date, if it has one. */
	java.util.Optional<java.time.Instant> retainedUntil(ContentDigest digest) {
		try {
			var retention = s3.getObjectRetention(b -> b.bucket(bucket).key(keyOf(digest.sha256()))).retention();
			return java.util.Optional.ofNullable(retention == null ? null : retention.retainUntilDate());
		}
		catch (S3Exception e) {
			return java.util.Optional.empty();
		}
	}

	private boolean quarantined(ContentDigest digest) {
		var prefix = QUARANTINE + digest.sha256() + ".";
		var found = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(1)).hasContents();
		if (found) {
			repairing.add(digest.sha256());
		}
		return found;
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
		return put(spooled, digest, true);
	}

	/** {@code once} false only for a repair, which writes a new version over a quarantined object. */
	private boolean put(Path spooled, ContentDigest digest, boolean once) {
		var request = PutObjectRequest.builder()
			.bucket(bucket)
			.key(keyOf(digest.sha256()));
		if (once) {
			request.ifNoneMatch("*");
		}
		request
			.contentLength(digest.sizeBytes())
			.contentType("application/octet-stream")
			.checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(digest.sha256())))
			.metadata(Map.of("sha256", digest.sha256()));
		var retainUntil = objectLock.enabled() ? objectLock.retainUntil() : null;
		if (retainUntil != null) {
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
		if (retainUntil != null) {
			objectLock.ensureRetained(keyOf(digest.sha256()), retainUntil);
		}
		return true;
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

	@Override
	public java.util.Set<String> inventory() {
		var found = new java.util.HashSet<String>();
		var prefix = keyOf("");
		for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
			for (var object : page.contents()) {
				found.add(object.key().substring(prefix.length()));
			}
		}
		return found;
	}

	static final String NAMED = "named/";

	@Override
	public boolean putNamed(String name, Path file) {
		var key = NAMED + NamedFiles.requireName(name);
		var request = PutObjectRequest.builder().bucket(bucket).key(key).ifNoneMatch("*")
			.contentType("application/octet-stream");
		var retainUntil = objectLock.enabled() ? objectLock.retainUntil() : null;
		if (retainUntil != null) {
			request.objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(retainUntil);
		}
		try {
			s3.putObject(request.build(), RequestBody.fromFile(file));
		}
		catch (S3Exception e) {
			if (e.statusCode() == PRECONDITION_FAILED) {
				return false;
			}
			throw e;
		}
		return true;
	}

	@Override
	public InputStream openNamed(String name) {
		try {
			return s3.getObject(b -> b.bucket(bucket).key(NAMED + NamedFiles.requireName(name)));
		}
		catch (S3Exception e) {
			if (e.statusCode() == NOT_FOUND) {
				throw new NotFound("object", name);
			}
			throw e;
		}
	}

	@Override
	public List<String> names(String prefix) {
		var found = new java.util.ArrayList<String>();
		for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(NAMED + prefix))) {
			for (var object : page.contents()) {
				found.add(object.key().substring(NAMED.length()));
			}
		}
		java.util.Collections.sort(found);
		return found;
	}
}
