package org.lawtrace.storage;

import java.net.URI;
import java.time.Period;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 server the S3 contract ({@link S3StoreContract}) runs against: Adobe S3Mock for the fast tests, Ceph's RADOS
 * Gateway ({@link CephRadosGateway}) for the real one.
 */
interface S3Server {

	URI endpoint();

	String region();

	String accessKey();

	String secretKey();

	/** What the server is, for messages. */
	String name();

	/**
	 * Whether the server itself refuses to delete a version under Object Lock COMPLIANCE retention or to shorten its
	 * retention; S3Mock stores the retention and does not enforce it.
	 */
	boolean enforcesObjectLock();

	/** The store's settings for a bucket of this server, 30 years' retention. */
	default StorageProperties.S3 settings(String bucket) {
		return new StorageProperties.S3(endpoint(), region(), bucket, accessKey(), secretKey(), true,
				Period.ofYears(30));
	}

	/** A client built as the application builds its own. */
	default S3Client client(String bucket) {
		return StorageConfiguration.s3Client(settings(bucket));
	}
}
