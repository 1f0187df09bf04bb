package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.MovableClock;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.IntegrityAlarm;
import org.lawtrace.shared.StoredContentReferences;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * ART-15, ART-22(2): the rolling fixity audit over real files in two real filesystem stores (primary and replica) and
 * the storage module's own tables in H2: a flipped byte on either copy is found, the copy quarantined and repaired
 * from the other, every check recorded; a run reads no more than its budget; reads of a copy known bad go to the
 * replica, and a damaged whole read fails instead of handing out wrong bytes.
 */
class FixityAuditsUnitTests {

	@TempDir
	Path dir;

	MovableClock clock = new MovableClock();
	FileSystemBlobStore primary;
	FileSystemBlobStore replica;
	JdbcClient jdbc;
	FixityLedger ledger;
	List<Object> events = new ArrayList<>();
	List<ContentDigest> recorded = new ArrayList<>();
	Copies copies;

	@BeforeEach
	void stores() {
		primary = new FileSystemBlobStore(dir.resolve("primary"), new Spool(dir.resolve("primary/tmp"), clock));
		replica = new FileSystemBlobStore(dir.resolve("replica"), new Spool(dir.resolve("replica/tmp"), clock));
		var url = "jdbc:h2:mem:fixity" + System.nanoTime()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		var dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/storage").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		ledger = new FixityLedger(jdbc);
		copies = new Copies(primary, new Replica(replica));
	}

	FixityAudits audits(String readRate) {
		return audits(readRate, 2);
	}

	FixityAudits audits(String readRate, int threads) {
		var properties = new Binder(new MapConfigurationPropertySource(java.util.Map.of("lawtrace.storage.root",
				dir.resolve("primary").toString(), "lawtrace.storage.fixity.read-rate", readRate,
				"lawtrace.storage.fixity.threads", String.valueOf(threads))))
			.bind("lawtrace.storage", StorageProperties.class).get();
		StoredContentReferences holder = new StoredContentReferences() {

			@Override
			public String kind() {
				return "recording";
			}

			@Override
			public Set<String> sha256s() {
				return recorded.stream().map(ContentDigest::sha256).collect(Collectors.toSet());
			}

			@Override
			public Collection<ContentDigest> digests() {
				return recorded;
			}
		};
		return new FixityAudits(copies, ledger, List.of(holder), properties, events::add, clock);
	}

	/** Stores content in both copies, as replication would, and records it with both digests. */
	ContentDigest storedInBoth(byte[] content) {
		var digest = TwinDigest.of(content);
		primary.store(new ByteArrayInputStream(content), null);
		replica.store(new ByteArrayInputStream(content), null);
		recorded.add(digest);
		return digest;
	}

	static void flipAByte(Path file, int at) throws IOException {
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
		var bytes = Files.readAllBytes(file);
		bytes[at] ^= 0x01;
		Files.write(file, bytes);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
	}

	@Test
	@DisplayName("ART-15 ART-22(2) a flipped byte on the primary is found, quarantined (kept), repaired from the replica and checked again")
	void repairsThePrimaryFromTheReplica() throws IOException {
		var content = Contents.random(300_000, 1);
		var digest = storedInBoth(content);
		var file = primary.pathOf(digest.sha256());
		flipAByte(file, 123_456);
		var damaged = Files.readAllBytes(file);

		var run = audits("1GB").run(Long.MAX_VALUE);

		assertThat(run.checked()).isEqualTo(2);
		assertThat(run.failed()).isEqualTo(1);
		assertThat(run.repaired()).isEqualTo(1);
		assertThat(run.bytesRead()).as("both checks, and the repair's read, write and re-check").isEqualTo(5 * 300_000);
		assertThat(Files.readAllBytes(file)).isEqualTo(content);
		assertThat(primary.verify(digest)).isEqualTo(digest);
		try (var quarantined = Files.list(dir.resolve("primary/quarantine"))) {
			var kept = quarantined.toList();
			assertThat(kept).singleElement().satisfies(p -> {
				assertThat(p.getFileName().toString()).startsWith(digest.sha256() + ".").endsWith(".bad");
				assertThat(Files.readAllBytes(p)).isEqualTo(damaged);
			});
		}
		assertThat(results(digest, Copy.PRIMARY)).containsExactly("REPAIRED", "FAILED");
		assertThat(results(digest, Copy.REPLICA)).containsExactly("PASSED");
		assertThat(events).filteredOn(IntegrityAlarm.class::isInstance).singleElement()
			.satisfies(e -> assertThat(((IntegrityAlarm) e).kind()).isEqualTo("FIXITY_FAILED"));
		assertThat(events).filteredOn(FixityStep.class::isInstance).extracting(e -> ((FixityStep) e).action())
			.containsExactly("FIXITY_CHECK_FAILED", "FIXITY_COPY_QUARANTINED", "FIXITY_COPY_REPAIRED",
					"FIXITY_COPY_VERIFIED");
		assertThat(ledger.knownBad(digest.sha256(), Copy.PRIMARY)).isFalse();
	}

	@Test
	@DisplayName("ART-15.3 a flipped byte on the replica is found and repaired from the primary")
	void repairsTheReplicaFromThePrimary() throws IOException {
		var content = Contents.random(200_000, 2);
		var digest = storedInBoth(content);
		flipAByte(replica.pathOf(digest.sha256()), 7);

		var run = audits("1GB").run(Long.MAX_VALUE);

		assertThat(run.repaired()).isEqualTo(1);
		assertThat(Files.readAllBytes(replica.pathOf(digest.sha256()))).isEqualTo(content);
		assertThat(Files.readAllBytes(primary.pathOf(digest.sha256()))).isEqualTo(content);
		assertThat(results(digest, Copy.REPLICA)).containsExactly("REPAIRED", "FAILED");
		assertThat(results(digest, Copy.PRIMARY)).containsExactly("PASSED");
		assertThat(dir.resolve("replica/quarantine")).isNotEmptyDirectory();
	}

	@Test
	@DisplayName("ART-15.3 a copy gone from the replica is reported missing and put back from the primary")
	void restoresAMissingCopy() throws IOException {
		var digest = storedInBoth(Contents.random(50_000, 3));
		var file = replica.pathOf(digest.sha256());
		Files.delete(file);

		audits("1GB").run(Long.MAX_VALUE);

		assertThat(file).exists();
		assertThat(results(digest, Copy.REPLICA)).containsExactly("REPAIRED", "MISSING");
		assertThat(events).filteredOn(IntegrityAlarm.class::isInstance)
			.extracting(e -> ((IntegrityAlarm) e).kind()).containsExactly("COPY_MISSING");
	}

	@Test
	@DisplayName("ART-22(2) a copy is never repaired from a copy that does not match both digests: both stay bad, an alarm says so")
	void doesNotRepairFromADamagedCopy() throws IOException {
		var digest = storedInBoth(Contents.random(40_000, 4));
		flipAByte(primary.pathOf(digest.sha256()), 1);
		flipAByte(replica.pathOf(digest.sha256()), 2);

		audits("1GB").run(Long.MAX_VALUE);

		assertThat(primary.contains(digest)).as("nothing damaged is put under the blob's name").isFalse();
		assertThat(events).filteredOn(IntegrityAlarm.class::isInstance)
			.extracting(e -> ((IntegrityAlarm) e).kind()).contains("FIXITY_FAILED", "COPY_NOT_REPAIRED");
		assertThat(ledger.knownBad(digest.sha256(), Copy.PRIMARY)).isTrue();
	}

	@Test
	@DisplayName("ART-22 every check is recorded: object, copy, when, algorithm, result")
	void recordsEveryCheck() {
		var a = storedInBoth(Contents.random(10_000, 5));
		var b = storedInBoth(Contents.random(20_000, 6));

		audits("1GB").run(Long.MAX_VALUE);
		clock.advance(Duration.ofDays(91));
		audits("1GB").run(Long.MAX_VALUE);

		var rows = jdbc.sql("select sha256, copy_kind, algorithm, result, checked_at from storage_fixity_check")
			.query((rs, n) -> rs.getString(1).strip() + " " + rs.getString(2) + " " + rs.getString(3) + " "
					+ rs.getString(4) + " " + (rs.getObject(5) != null))
			.list();
		assertThat(rows).as("the first check recomputes both digests; SM3 is left to every other cycle")
			.hasSize(8).containsOnly(
				a.sha256() + " PRIMARY SHA-256+SM3 PASSED true", a.sha256() + " REPLICA SHA-256+SM3 PASSED true",
				b.sha256() + " PRIMARY SHA-256+SM3 PASSED true", b.sha256() + " REPLICA SHA-256+SM3 PASSED true",
				a.sha256() + " PRIMARY SHA-256 PASSED true", a.sha256() + " REPLICA SHA-256 PASSED true",
				b.sha256() + " PRIMARY SHA-256 PASSED true", b.sha256() + " REPLICA SHA-256 PASSED true");
		clock.advance(Duration.ofDays(91));
		audits("1GB").run(Long.MAX_VALUE);
		assertThat(jdbc.sql("select count(*) from storage_fixity_check where algorithm = 'SHA-256+SM3'")
			.query(Long.class).single()).as("SM3 again once its cycle (two fixity cycles) has passed").isEqualTo(8);
	}

	@Test
	@DisplayName("ART-15.3 ADR 0032 a copy replicated with a SHA-256 read-back has its SM3 recomputed by the next run, ahead of every copy checked before")
	void aReplicatedCopysSm3IsCheckedByTheNextRun() {
		storedInBoth(Contents.random(1000, 21));
		storedInBoth(Contents.random(1000, 22));
		audits("1GB").run(Long.MAX_VALUE);
		clock.advance(Duration.ofMinutes(5));
		var content = Contents.random(1000, 23);
		var fresh = primary.store(new ByteArrayInputStream(content), null).digest();
		var recordedDigest = TwinDigest.of(content);
		recorded.add(recordedDigest);
		BlobCopy.copy(primary, replica, fresh.sha256(), recordedDigest, false);

		var run = audits("1GB").run(2000);

		assertThat(run.checked()).isEqualTo(2);
		assertThat(jdbc.sql("select copy_kind, algorithm, result from storage_fixity_check where sha256 = ?")
			.param(fresh.sha256())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactlyInAnyOrder("PRIMARY SHA-256+SM3 PASSED", "REPLICA SHA-256+SM3 PASSED");
	}

	@Test
	@DisplayName("ART-15.3 ADR 0032 an SM3 the copy does not bear, missed by a SHA-256 read-back, is found by the copy's first check")
	void anSm3TheCopyDoesNotBearIsFoundByItsFirstCheck() {
		var content = Contents.random(1000, 24);
		var stored = primary.store(new ByteArrayInputStream(content), null).digest();
		var wrongSm3 = new ContentDigest(stored.sha256(), "0".repeat(64), stored.sizeBytes());
		recorded.add(wrongSm3);
		BlobCopy.copy(primary, replica, stored.sha256(), wrongSm3, false);

		audits("1GB").run(Long.MAX_VALUE);

		assertThat(jdbc.sql("select result from storage_fixity_check where sha256 = ? and copy_kind = 'REPLICA'")
			.param(stored.sha256())
			.query(String.class)
			.list()).contains("FAILED");
	}

	@Test
	@DisplayName("ART-15 a run reads no more than its budget; the copies left over are the next run's, least recently checked first")
	void keepsToItsBudget() {
		storedInBoth(Contents.random(1000, 7));
		storedInBoth(Contents.random(1000, 8));
		storedInBoth(Contents.random(1000, 9));
		copies = new Copies(primary, new Replica(null));

		var run = audits("1GB").run(2500);

		assertThat(run.checked()).isEqualTo(2);
		assertThat(run.bytesRead()).isEqualTo(2000).isLessThanOrEqualTo(run.budget());
		clock.advance(Duration.ofMinutes(1));
		var next = audits("1GB").run(2500);
		assertThat(next.checked()).as("only the one left over is due; the others wait for their share of the cycle")
			.isEqualTo(1);
		var perBlob = jdbc.sql("select count(*) from storage_fixity_check group by sha256").query(Long.class).list();
		assertThat(perBlob).containsExactly(1L, 1L, 1L);
	}

	@Test
	@DisplayName("ART-15 repairs count against the budget too: a run stops when checks and repairs together reach it")
	void repairsCountAgainstTheBudget() throws IOException {
		var damaged = storedInBoth(Contents.random(1000, 13));
		storedInBoth(Contents.random(1000, 14));
		copies = new Copies(primary, new Replica(replica));
		flipAByte(primary.pathOf(damaged.sha256()), 0);
		// a whole read found it already, so it is first in line
		ledger.record(damaged.sha256(), Copy.PRIMARY, 1000, clock.instant(), FixityAudits.SHA256, CheckResult.FAILED,
				1000, "found on read");
		clock.advance(Duration.ofSeconds(1));

		// one at a time: with two, the second check is claimed before the first one's repair has been counted
		var run = audits("1GB", 1).run(4000);

		assertThat(run.checked()).isEqualTo(1);
		assertThat(run.repaired()).isEqualTo(1);
		assertThat(run.bytesRead()).isEqualTo(4000);
	}

	@Test
	@DisplayName("ART-15 two instances running at once check each copy once between them (lease claims)")
	void concurrentRunsShareTheWork() throws Exception {
		for (var i = 0; i < 12; i++) {
			storedInBoth(Contents.random(20_000, 100 + i));
		}
		var first = audits("1GB");
		var second = audits("1GB");
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> first.run(Long.MAX_VALUE));
			var b = pool.submit(() -> second.run(Long.MAX_VALUE));

			assertThat(a.get().checked() + b.get().checked()).isEqualTo(24);
		}
		finally {
			pool.shutdownNow();
		}
		var perCopy = jdbc.sql("select count(*) from storage_fixity_check group by sha256, copy_kind")
			.query(Long.class).list();
		assertThat(perCopy).hasSize(24).containsOnly(1L);
	}

	@Test
	@DisplayName("ART-15 the read rate holds: 64 KiB at 32 KiB/s takes about two seconds")
	void keepsToItsReadRate() {
		storedInBoth(Contents.random(64 * 1024, 10));
		copies = new Copies(primary, new Replica(null));

		var run = audits("32KB").run(Long.MAX_VALUE);

		assertThat(run.millis()).isGreaterThanOrEqualTo(1800);
	}

	@Test
	@DisplayName("ART-22(2) a whole read of a damaged copy fails before its last bytes and raises an alarm; once known bad, reads come from the replica")
	void wholeReadsAreCheckedAndAKnownBadCopyIsSkipped() throws IOException {
		var content = Contents.random(1_000_000, 11);
		var digest = storedInBoth(content);
		flipAByte(primary.pathOf(digest.sha256()), 999_999);
		var checked = new CheckedBlobStore(copies, ledger, events::add, clock, Duration.ofMinutes(10));

		var received = new java.io.ByteArrayOutputStream();
		org.assertj.core.api.Assertions.assertThatIOException().isThrownBy(() -> {
			try (InputStream in = checked.open(digest)) {
				in.transferTo(received);
			}
		}).withMessageContaining("does not match its record");
		assertThat(received.size()).as("the damaged last bytes are withheld").isLessThan(content.length);
		assertThat(events).filteredOn(IntegrityAlarm.class::isInstance).hasSize(1);
		assertThat(results(digest, Copy.PRIMARY)).containsExactly("FAILED");

		try (var in = checked.openRange(digest, 0, digest.sizeBytes())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		try (var in = checked.openRange(digest, 999_990, 10)) {
			assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 999_990, 1_000_000));
		}
	}

	@Test
	@DisplayName("ART-22(2) issue 16: a file whose whole read was checked, lying unchanged since, is sent whole by "
			+ "zero-copy until the recheck time passes; a byte flipped in it (its modification time put back) makes "
			+ "the next whole read checked, and it fails")
	void aCheckedUnchangedFileIsSentWholeByZeroCopy() throws Exception {
		var content = Contents.random(200_000, 13);
		var digest = storedInBoth(content);
		var file = primary.pathOf(digest.sha256());
		var checked = new CheckedBlobStore(copies, ledger, events::add, clock, Duration.ofMinutes(10));
		assertThat(sentWholeByZeroCopy(checked, digest)).as("never checked").isFalse();
		// a check is remembered only for a file whose (coarse) change time is a second old
		await().atMost(Duration.ofSeconds(30)).until(() -> changeTime(file).isBefore(Instant.now().minusSeconds(1)));

		assertThat(readWhole(checked, digest)).isEqualTo(content);
		var request = sendfileRequest();
		assertThat(checked.sendDirect(digest, 0, digest.sizeBytes(), request)).isTrue();
		assertThat(request.getAttribute("org.apache.tomcat.sendfile.filename"))
			.isEqualTo(file.toAbsolutePath().toString());
		assertThat(request.getAttribute("org.apache.tomcat.sendfile.end")).isEqualTo(digest.sizeBytes());

		clock.advance(Duration.ofMinutes(11));
		assertThat(sentWholeByZeroCopy(checked, digest)).as("the recheck time passed").isFalse();
		assertThat(readWhole(checked, digest)).isEqualTo(content);
		assertThat(sentWholeByZeroCopy(checked, digest)).as("checked again").isTrue();

		var modified = Files.getLastModifiedTime(file);
		flipAByte(file, 100);
		Files.setLastModifiedTime(file, modified);
		assertThat(sentWholeByZeroCopy(checked, digest)).as("the file's change time moved").isFalse();
		org.assertj.core.api.Assertions.assertThatIOException().isThrownBy(() -> readWhole(checked, digest))
			.withMessageContaining("does not match its record");
		assertThat(events).filteredOn(IntegrityAlarm.class::isInstance).hasSize(1);
	}

	private static boolean sentWholeByZeroCopy(CheckedBlobStore store, ContentDigest digest) {
		return store.sendDirect(digest, 0, digest.sizeBytes(), sendfileRequest());
	}

	private static org.springframework.mock.web.MockHttpServletRequest sendfileRequest() {
		var request = new org.springframework.mock.web.MockHttpServletRequest();
		request.setAttribute("org.apache.tomcat.sendfile.support", Boolean.TRUE);
		return request;
	}

	private static byte[] readWhole(CheckedBlobStore store, ContentDigest digest) throws IOException {
		try (var in = store.open(digest)) {
			return in.readAllBytes();
		}
	}

	private static Instant changeTime(Path file) throws IOException {
		return ((java.nio.file.attribute.FileTime) Files.getAttribute(file, "unix:ctime")).toInstant();
	}

	@Test
	@DisplayName("the repair operation refuses to replace a copy that is in place and not quarantined (write-once)")
	void repairNeverReplacesAPresentCopy() {
		var digest = storedInBoth(Contents.random(1000, 12));

		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> primary.repair(digest, new ByteArrayInputStream(Contents.random(1000, 12))));
	}

	private List<String> results(ContentDigest digest, Copy copy) {
		return jdbc.sql("select result from storage_fixity_check where sha256 = ? and copy_kind = ? "
				+ "order by checked_at desc, case result when 'REPAIRED' then 0 else 1 end")
			.params(digest.sha256(), copy.name())
			.query(String.class)
			.list();
	}
}
