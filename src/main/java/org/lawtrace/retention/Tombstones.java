package org.lawtrace.retention;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.lawtrace.shared.DestroyedRecords;
import org.lawtrace.shared.DispositionApprovals;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tombstones of destroyed records (销毁记录), and the answers other modules ask of them: which records were
 * destroyed ({@link DestroyedRecords}, for 410 answers) and whether the director approved destroying a blob under a
 * disposition ({@link DispositionApprovals}, asked by the store itself before it destroys anything).
 */
@Repository
@Transactional(readOnly = true)
class Tombstones implements DestroyedRecords, DispositionApprovals {

	private final JdbcClient jdbc;
	private final Dispositions dispositions;

	Tombstones(JdbcClient jdbc, Dispositions dispositions) {
		this.jdbc = jdbc;
		this.dispositions = dispositions;
	}

	@Transactional
	void add(RecordRef record, Disposition d, Instant destroyedAt, StaffId carriedOutBy) {
		jdbc.sql("""
				insert into retention_tombstone (record_kind, record_id, disposition_id, register_number, destroyed_at,
				    approved_by, approved_at, carried_out_by) values (?,?,?,?,?,?,?,?)""")
			.params(record.kind().name(), record.id(), d.id(), d.registerNumber(), utc(destroyedAt),
					d.decidedBy().id(), utc(d.decidedAt()), carriedOutBy.id())
			.update();
	}

	/** An archived file's packages destroyed (ART-16): its tombstone beside its records', kind {@code ARCHIVE}. */
	@Transactional
	void addArchive(UUID archiveId, Disposition d, Instant destroyedAt, StaffId carriedOutBy) {
		jdbc.sql("""
				insert into retention_tombstone (record_kind, record_id, disposition_id, register_number, destroyed_at,
				    approved_by, approved_at, carried_out_by) values (?,?,?,?,?,?,?,?)""")
			.params(Disposition.Item.ARCHIVE, archiveId, d.id(), d.registerNumber(), utc(destroyedAt),
					d.decidedBy().id(), utc(d.decidedAt()), carriedOutBy.id())
			.update();
	}

	@Override
	public Optional<Tombstone> destroyed(RecordRef record) {
		return jdbc.sql("select destroyed_at, register_number from retention_tombstone where record_kind = ? "
				+ "and record_id = ?")
			.params(record.kind().name(), record.id())
			.query((rs, n) -> new Tombstone(record, instant(rs.getObject(1, OffsetDateTime.class)), rs.getString(2)))
			.optional();
	}

	Set<RecordRef> all() {
		return new HashSet<>(jdbc.sql("select record_kind, record_id from retention_tombstone "
				+ "where record_kind in ('RECORDING', 'DOCUMENT')")
			.query((rs, n) -> new RecordRef(RecordRef.Kind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)))
			.list());
	}

	@Override
	public Optional<Approval> approvalOf(UUID disposition, String sha256) {
		return dispositions.approvedListing(disposition, sha256)
			.filter(d -> d.decidedBy() != null && d.decidedAt() != null)
			.map(d -> new Approval(d.decidedBy(), d.decidedAt()));
	}

	@Override
	public Set<String> destroyedSha256s() {
		return new HashSet<>(jdbc.sql("""
				select distinct i.sha256 from retention_disposition_item i join retention_tombstone t
				on t.record_kind = i.record_kind and t.record_id = i.record_id and t.disposition_id = i.disposition_id
				where i.primary_outcome in ('DESTROYED', 'ABSENT')""")
			.query((rs, n) -> rs.getString(1).strip()).list());
	}
}
