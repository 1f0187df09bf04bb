package org.lawtrace.storage;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Chooses the blob store by {@code lawtrace.storage.type}; an unknown type fails start-up instead of falling back. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

	@Bean
	Spool storageSpool(StorageProperties properties, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${lawtrace.instance:}") String instance) {
		return new Spool(properties.requireRoot().resolve("tmp"), clock, instance);
	}

	/**
	 * Temporary copies that derivations read live beside the spool's files and are swept the same way: at start-up no
	 * derivation runs, so every leftover goes whatever its age.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> derivationCopiesSweep(Spool spool) {
		return ready -> Derivation.sweep(spool.directory(), java.time.Instant.MAX);
	}

	/** Both copies as they lie, for the fixity audit alone; everything else reads through {@link #blobStore}. */
	@Bean
	Copies storageCopies(StorageProperties properties, Spool spool, Clock clock, Replica replica) {
		return new Copies(primaryStore(properties, spool, clock), replica);
	}

	/**
	 * The store every module reads and writes: whole reads checked on the fly and a known-bad copy skipped
	 * ({@link CheckedBlobStore}); with an off-site replica configured, every blob placed is also queued for it
	 * ({@link ReplicatedBlobStore}).
	 */
	@Bean
	BlobStore blobStore(StorageProperties properties, Copies copies, FixityLedger ledger,
			ApplicationEventPublisher events, Clock clock, ObjectProvider<ReplicationQueue> queue,
			ObjectProvider<ReplicationNudge> nudge) {
		BlobStore checked = new CheckedBlobStore(copies, ledger, events, clock,
				properties.fixity().wholeReadRecheck());
		if (properties.replica().type() == StorageProperties.ReplicaType.NONE) {
			return checked;
		}
		var signal = nudge.getIfAvailable();
		return new ReplicatedBlobStore(checked, queue.getObject(), clock, signal == null ? () -> {
		} : signal::nudge, properties.replica().settle());
	}

	static BlobStore primaryStore(StorageProperties properties, Spool spool, Clock clock) {
		return switch (properties.type()) {
			case FILESYSTEM -> new FileSystemBlobStore(properties.requireRoot(), spool);
			case S3 -> {
				var s3 = properties.s3();
				if (s3.bucket() == null || s3.bucket().isBlank()) {
					throw new IllegalStateException("lawtrace.storage.s3.bucket must be set when lawtrace.storage.type=s3");
				}
				yield new S3BlobStore(s3Client(s3), s3.bucket(), s3.retention(), spool, clock);
			}
		};
	}

	/**
	 * The anchors beside the blobs: a folder of the filesystem store, or a key prefix of the bucket with the blobs'
	 * Object Lock retention.
	 */
	@Bean
	Anchors anchors(StorageProperties properties, Clock clock) {
		return new Anchors(primaryAnchors(properties, clock));
	}

	static NamedObjects primaryAnchors(StorageProperties properties, Clock clock) {
		return switch (properties.type()) {
			case FILESYSTEM -> new FileSystemNamedObjects(properties.requireRoot().resolve(Anchors.FOLDER));
			case S3 -> {
				var s3 = properties.s3();
				if (s3.bucket() == null || s3.bucket().isBlank()) {
					throw new IllegalStateException("lawtrace.storage.s3.bucket must be set when lawtrace.storage.type=s3");
				}
				var client = s3Client(s3);
				yield new S3NamedObjects(client, s3.bucket(), Anchors.FOLDER + "/",
						new ObjectLock(client, s3.bucket(), s3.retention(), clock));
			}
		};
	}

	/**
	 * The off-site copy, built like the primary but in its own place; its temporary files stay beside it, so a copy
	 * never crosses sites twice.
	 */
	@Bean
	Replica replica(StorageProperties properties, Clock clock) {
		return new Replica(replicaStore(properties, clock), replicaAnchors(properties, clock));
	}

	/** The replica's folder of anchors, beside its blobs as the primary's are. */
	static @org.jspecify.annotations.Nullable NamedObjects replicaAnchors(StorageProperties properties, Clock clock) {
		var settings = properties.replica();
		return switch (settings.type()) {
			case NONE -> null;
			case FILESYSTEM -> settings.root() == null ? null
					: new FileSystemNamedObjects(settings.root().resolve(Anchors.FOLDER));
			case S3 -> {
				var s3 = settings.s3();
				if (s3.bucket() == null || s3.bucket().isBlank()) {
					yield null;
				}
				var client = s3Client(s3);
				yield new S3NamedObjects(client, s3.bucket(), Anchors.FOLDER + "/",
						new ObjectLock(client, s3.bucket(), s3.retention(), clock));
			}
		};
	}

	static @org.jspecify.annotations.Nullable BlobStore replicaStore(StorageProperties properties, Clock clock) {
		var settings = properties.replica();
		return switch (settings.type()) {
			case NONE -> null;
			case FILESYSTEM -> {
				if (settings.root() == null) {
					throw new IllegalStateException(
							"lawtrace.storage.replica.root must be set when lawtrace.storage.replica.type=filesystem");
				}
				if (settings.root().toAbsolutePath().normalize()
					.equals(properties.requireRoot().toAbsolutePath().normalize())) {
					throw new IllegalStateException("lawtrace.storage.replica.root must not be the primary store's root");
				}
				var spool = new Spool(settings.root().resolve("tmp"), clock);
				yield new FileSystemBlobStore(settings.root(), spool);
			}
			case S3 -> {
				var s3 = settings.s3();
				if (s3.bucket() == null || s3.bucket().isBlank()) {
					throw new IllegalStateException(
							"lawtrace.storage.replica.s3.bucket must be set when lawtrace.storage.replica.type=s3");
				}
				var spool = new Spool(properties.requireRoot().resolve("tmp-replica"), clock);
				yield new S3BlobStore(s3Client(s3), s3.bucket(), s3.retention(), spool, clock);
			}
		};
	}

	static S3Client s3Client(StorageProperties.S3 settings) {
		var builder = S3Client.builder()
			.httpClientBuilder(ApacheHttpClient.builder())
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			.credentialsProvider(credentials(settings))
			// the SDK's default since 2.30 sends a CRC32 trailer in aws-chunked encoding with every upload, which
			// Ceph RGW before Reef (Debian 12's 16.2) refuses with 400; checksums go as headers where one is given
			// (the blobs' SHA-256) or required (retention, deletes), as every S3-compatible server takes them
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return builder.build();
	}

	private static AwsCredentialsProvider credentials(StorageProperties.S3 settings) {
		if (settings.accessKey() != null && settings.secretKey() != null) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}
}
