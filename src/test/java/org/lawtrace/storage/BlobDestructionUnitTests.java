package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.MovableClock;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.DispositionApprovals;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StaffId;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * ART-16: the store gives up a blob only under a disposition the director approved, which it asks of the keeper of
 * dispositions itself; then in both copies (primary and off-site replica), forgetting their fixity schedule; any
 * other attempt is refused and logged, and nothing is deleted.
 */
class BlobDestructionUnitTests {

	static final StaffId DIRECTOR = new StaffId(UUID.randomUUID());
	static final StaffId DEPUTY = new StaffId(UUID.randomUUID());
	static final StaffId CUSTODIAN = new StaffId(UUID.randomUUID());

	@TempDir
	Path dir;

	MovableClock clock = new MovableClock();
	FileSystemBlobStore primary;
	FileSystemBlobStore replica;
	JdbcClient jdbc;
	List<Object> events = new ArrayList<>();
	/** disposition -> blob -> approver, as the retention module would answer. */
	UUID approved = UUID.randomUUID();
	Set<String> approvedBlobs = new HashSet<>();
	StaffId approver = DIRECTOR;
	BlobDestruction destruction;

	@BeforeEach
	void stores() {
		primary = new FileSystemBlobStore(dir.resolve("primary"), new Spool(dir.resolve("primary/tmp"), clock));
		replica = new FileSystemBlobStore(dir.resolve("replica"), new Spool(dir.resolve("replica/tmp"), clock));
		var url = "jdbc:h2:mem:destruction" + System.nanoTime()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		var dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/storage").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		var factory = new DefaultListableBeanFactory();
		factory.registerSingleton("approvals", new DispositionApprovals() {

			@Override
			public Optional<Approval> approvalOf(UUID disposition, String sha256) {
				return disposition.equals(approved) && approvedBlobs.contains(sha256)
						? Optional.of(new Approval(approver, clock.instant()))
						: Optional.empty();
			}

			@Override
			public Set<String> destroyedSha256s() {
				return Set.of();
			}
		});
		destruction = new BlobDestruction(new Copies(primary, new Replica(replica)),
				factory.getBeanProvider(DispositionApprovals.class), DIRECTOR::equals, events::add, clock,
				new FixityLedger(jdbc), factory.getBeanProvider(ReplicationQueue.class));
	}

	ContentDigest inBoth(byte[] content) {
		var digest = TwinDigest.of(content);
		primary.store(new ByteArrayInputStream(content), null);
		replica.store(new ByteArrayInputStream(content), null);
		jdbc.sql("insert into storage_fixity_copy (sha256, copy_kind, size_bytes) values (?, 'PRIMARY', ?), (?, 'REPLICA', ?)")
			.params(digest.sha256(), digest.sizeBytes(), digest.sha256(), digest.sizeBytes()).update();
		return digest;
	}

	@Test
	@DisplayName("ART-16: under the director's approval a blob is gone from the primary and the replica, and no longer scheduled for fixity checks")
	void destroysBothCopiesUnderTheDirectorsApproval() {
		var digest = inBoth(Contents.random(70_000, 1));
		var kept = inBoth(Contents.random(1000, 2));
		approvedBlobs.add(digest.sha256());

		var result = destruction.destroy(approved, digest, CUSTODIAN);

		assertThat(result.complete()).isTrue();
		assertThat(result.copies()).extracting(BlobDestruction.CopyOutcome::copy, BlobDestruction.CopyOutcome::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Copy.PRIMARY, BlobDestruction.Outcome.DESTROYED),
					org.assertj.core.groups.Tuple.tuple(Copy.REPLICA, BlobDestruction.Outcome.DESTROYED));
		assertThat(primary.contains(digest)).isFalse();
		assertThat(replica.contains(digest)).isFalse();
		assertThat(primary.contains(kept)).isTrue();
		assertThat(jdbc.sql("select count(*) from storage_fixity_copy where sha256 = ?").param(digest.sha256())
			.query(Long.class).single()).isZero();
		assertThat(events).singleElement().isInstanceOfSatisfying(BlobDestroyed.class, e -> {
			assertThat(e.entry().action()).isEqualTo("BLOB_DESTROYED");
			assertThat(e.entry().details()).contains("approvedBy=" + DIRECTOR.id(), "PRIMARY:DESTROYED", "REPLICA:DESTROYED");
		});
	}

	@Test
	@DisplayName("ART-16: destruction under no approval, another disposition, or an approval not the director's is refused and logged; nothing is deleted")
	void refusesWithoutTheDirectorsApproval() {
		var digest = inBoth(Contents.random(5000, 3));

		assertThatThrownBy(() -> destruction.destroy(approved, digest, CUSTODIAN)).isInstanceOf(NotPermitted.class);
		approvedBlobs.add(digest.sha256());
		assertThatThrownBy(() -> destruction.destroy(UUID.randomUUID(), digest, CUSTODIAN))
			.isInstanceOf(NotPermitted.class);
		approver = DEPUTY;
		assertThatThrownBy(() -> destruction.destroy(approved, digest, CUSTODIAN)).isInstanceOf(NotPermitted.class);

		assertThat(primary.contains(digest)).isTrue();
		assertThat(replica.contains(digest)).isTrue();
		assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(BlobDestructionRefused.class,
				r -> assertThat(r.entry().outcome()).isEqualTo("REFUSED")));
	}

	@Test
	@DisplayName("ART-16: a blob the replica never received is reported absent there, and destroyed in the primary")
	void aCopyNeverMadeIsAbsent() {
		var content = Contents.random(2000, 4);
		var digest = TwinDigest.of(content);
		primary.store(new ByteArrayInputStream(content), null);
		approvedBlobs.add(digest.sha256());

		var result = destruction.destroy(approved, digest, CUSTODIAN);

		assertThat(result.copies()).extracting(BlobDestruction.CopyOutcome::outcome)
			.containsExactly(BlobDestruction.Outcome.DESTROYED, BlobDestruction.Outcome.ABSENT);
		assertThat(primary.contains(digest)).isFalse();
	}
}
