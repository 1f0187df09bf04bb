package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.s3.S3Client;

class S3BlobDerivationUnitTests extends BlobDerivationContract {

	static final Instant NOW = Instant.parse("2026-05-22T08:00:00Z");
	static final AtomicInteger BUCKETS = new AtomicInteger();

	static S3MockProcess server;
	static S3Client direct;

	@TempDir
	Path spoolDirectory;

	private S3BlobStore store;

	@BeforeAll
	static void startServer() throws Exception {
		server = S3MockProcess.shared();
		direct = StorageConfiguration.s3Client(settings(server.endpoint(), "unused"));
	}

	@AfterAll
	static void stopServer() {
		if (direct != null) {
			direct.close();
		}
	}

	@AfterEach
	void closeStore() {
		if (store != null) {
			store.close();
		}
	}

	@Override
	BlobStore store() {
		if (store == null) {
			var bucket = "derived-" + BUCKETS.incrementAndGet();
			direct.createBucket(b -> b.bucket(bucket));
			store = new S3BlobStore(StorageConfiguration.s3Client(settings(server.endpoint(), bucket)), bucket,
					Period.ofYears(30), new Spool(spoolDirectory, Clock.fixed(NOW, ZoneOffset.UTC)),
					Clock.fixed(NOW, ZoneOffset.UTC));
		}
		return store;
	}

	@Override
	Path spoolDirectory() {
		return spoolDirectory;
	}

	@Test
	@DisplayName("ART-22(2) on an object store the program reads a local copy in the spool, deleted afterwards")
	void theProgramReadsALocalCopyThatIsDeletedAfterwards() throws IOException {
		var input = inputNameGivenToTheProgram();

		assertThat(input.getParent()).isEqualTo(spoolDirectory.toAbsolutePath());
		assertThat(input).doesNotExist();
		assertThat(spoolDirectory).isEmptyDirectory();
		assertThat(store.verify(DIGEST)).isEqualTo(DIGEST);
	}

	private static StorageProperties.S3 settings(URI endpoint, String bucketName) {
		return new StorageProperties.S3(endpoint, "us-east-1", bucketName, "test-access-key", "test-secret-key", true,
				Period.ofYears(30));
	}
}
