package org.lawtrace.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Named objects under one key prefix of a bucket (such as {@code anchors/}): created with {@code If-None-Match: *}
 * so an existing object is never replaced, and retained in COMPLIANCE mode where the bucket has Object Lock.
 */
final class S3NamedObjects implements NamedObjects, AutoCloseable {

	private static final int PRECONDITION_FAILED = 412;
	private static final int NOT_FOUND = 404;

	private final S3Client s3;
	private final String bucket;
	private final String prefix;
	private final ObjectLock objectLock;

	S3NamedObjects(S3Client s3, String bucket, String prefix, ObjectLock objectLock) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
		this.objectLock = objectLock;
	}

	@Override
	public void write(String name, byte[] content) {
		var key = prefix + NamedObjects.checked(name);
		if (exists(key)) {
			throw new NameTaken(name);
		}
		var request = PutObjectRequest.builder().bucket(bucket).key(key).ifNoneMatch("*")
			.contentLength((long) content.length).contentType("application/octet-stream");
		var retainUntil = objectLock.enabled() ? objectLock.retainUntil() : null;
		if (retainUntil != null) {
			request.objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(retainUntil);
		}
		try {
			s3.putObject(request.build(), RequestBody.fromBytes(content));
		}
		catch (S3Exception e) {
			if (e.statusCode() == PRECONDITION_FAILED) {
				throw new NameTaken(name);
			}
			throw e;
		}
		if (retainUntil != null) {
			objectLock.ensureRetained(key, retainUntil);
		}
	}

	private boolean exists(String key) {
		try {
			s3.headObject(b -> b.bucket(bucket).key(key));
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
	public List<String> list() {
		var found = new ArrayList<String>();
		for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
			for (var object : page.contents()) {
				var name = object.key().substring(prefix.length());
				if (!name.isEmpty() && !name.contains("/")) {
					found.add(name);
				}
			}
		}
		found.sort(null);
		return found;
	}

	@Override
	public Optional<byte[]> read(String name) {
		try {
			return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + NamedObjects.checked(name)))
				.asByteArray());
		}
		catch (S3Exception e) {
			if (e.statusCode() == NOT_FOUND) {
				return Optional.empty();
			}
			throw e;
		}
	}

	@Override
	public void close() {
		s3.close();
	}
}
