package org.lawtrace.retention;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dispositions, their items and appraisals; nothing is deleted, outcomes are written on the items. */
@Repository
class Dispositions {

	private final JdbcClient jdbc;

	Dispositions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next register number of a year, XH-2027-001: numbers are never reused, the unique key sees to races. */
	String nextRegisterNumber(int year) {
		var prefix = "XH-" + year + "-";
		var last = jdbc.sql("select max(register_number) from retention_disposition where register_number like ?")
			.param(prefix + "%").query(String.class).optional().orElse(null);
		var next = last == null ? 1 : Integer.parseInt(last.substring(prefix.length())) + 1;
		return prefix + String.format("%03d", next);
	}

	void add(UUID id, String registerNumber, String dueMonth, StaffId proposedBy, Instant proposedAt,
			List<DueRecord> records, List<ArchivePackagesDue.Item> packages) {
		jdbc.sql("""
				insert into retention_disposition (id, register_number, due_month, proposed_by, proposed_at, status)
				values (?,?,?,?,?,'PROPOSED')""")
			.params(id, registerNumber, dueMonth, proposedBy.id(), utc(proposedAt))
			.update();
		var position = 0;
		for (var r : records) {
			for (var blob : r.blobs()) {
				jdbc.sql("""
						insert into retention_disposition_item (disposition_id, position, record_kind, record_id,
						    case_id, case_number, title, period, cut_off, due_on, blob_role, sha256, sm3, size_bytes)
						values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
					.params(id, ++position, r.record().kind().name(), r.record().id(),
							r.caseId() == null ? null : r.caseId().id(), r.caseNumber(),
							r.title().length() > 300 ? r.title().substring(0, 300) : r.title(), r.period().code(),
							r.cutOff(), r.dueOn(), blob.role(), blob.digest().sha256(), blob.digest().sm3(),
							blob.digest().sizeBytes())
					.update();
			}
		}
		for (var p : packages) {
			jdbc.sql("""
					insert into retention_disposition_item (disposition_id, position, record_kind, record_id,
					    case_id, case_number, title, period, cut_off, due_on, blob_role, sha256, sm3, size_bytes)
					values (?,?,'ARCHIVE',?,?,?,?,?,?,?,?,?,?,?)""")
				.params(id, ++position, p.archiveId(), p.caseId().id(), p.caseNumber(),
						p.title().length() > 300 ? p.title().substring(0, 300) : p.title(), p.period().code(),
						p.cutOff(), p.dueOn(), p.role(), p.digest().sha256(), p.digest().sm3(), p.digest().sizeBytes())
				.update();
		}
	}

	void appraise(UUID disposition, Disposition.Appraisal a) {
		jdbc.sql("""
				insert into retention_appraisal (id, disposition_id, role, agrees, opinion, given_by, given_at)
				values (?,?,?,?,?,?,?)""")
			.params(a.id(), disposition, a.role().name(), a.agrees(), a.opinion(), a.givenBy().id(), utc(a.givenAt()))
			.update();
	}

	boolean decide(UUID id, boolean approve, StaffId by, Instant at, @Nullable String note) {
		return jdbc.sql("update retention_disposition set status = ?, decided_by = ?, decided_at = ?, decision_note = ? "
				+ "where id = ? and status = 'PROPOSED'")
			.params(approve ? "APPROVED" : "REFUSED", by.id(), utc(at), note, id)
			.update() == 1;
	}

	void outcome(UUID id, int position, String primary, @Nullable String replica, String detail,
			@Nullable Instant destroyedAt) {
		jdbc.sql("update retention_disposition_item set primary_outcome = ?, replica_outcome = ?, outcome_detail = ?, "
				+ "destroyed_at = ? where disposition_id = ? and position = ?")
			.params(primary, replica, detail.length() > 1000 ? detail.substring(0, 1000) : detail, utc(destroyedAt), id,
					position)
			.update();
	}

	void carriedOut(UUID id, StaffId by, Instant at) {
		jdbc.sql("update retention_disposition set status = 'CARRIED_OUT', carried_out_by = ?, carried_out_at = ? "
				+ "where id = ? and status = 'APPROVED'")
			.params(by.id(), utc(at), id)
			.update();
	}

	Optional<Disposition> byId(UUID id) {
		return jdbc.sql("select * from retention_disposition where id = ?").param(id).query(this::map).optional();
	}

	List<Disposition> all() {
		return jdbc.sql("select * from retention_disposition order by proposed_at desc").query(this::map).list();
	}

	/** Records on a disposition not yet carried out (proposed or approved): not proposed again. */
	Set<RecordRef> onOpenDispositions() {
		return Set.copyOf(jdbc.sql("""
				select distinct i.record_kind, i.record_id from retention_disposition_item i
				join retention_disposition d on d.id = i.disposition_id where d.status in ('PROPOSED', 'APPROVED')
				and i.record_kind in ('RECORDING', 'DOCUMENT')""")
			.query((rs, n) -> new RecordRef(RecordRef.Kind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)))
			.list());
	}

	/** An approved disposition's items naming a blob: what the store asks before it destroys. */
	Optional<Disposition> approvedListing(UUID disposition, String sha256) {
		var listed = jdbc.sql("""
				select count(*) from retention_disposition_item i join retention_disposition d on d.id = i.disposition_id
				where d.id = ? and d.status = 'APPROVED' and i.sha256 = ?""")
			.params(disposition, sha256).query(Long.class).single();
		return listed > 0 ? byId(disposition) : Optional.empty();
	}

	private Disposition map(ResultSet rs, int row) throws SQLException {
		var id = rs.getObject("id", UUID.class);
		return new Disposition(id, rs.getString("register_number"), rs.getString("due_month"),
				new StaffId(rs.getObject("proposed_by", UUID.class)),
				instant(rs.getObject("proposed_at", OffsetDateTime.class)),
				Disposition.Status.valueOf(rs.getString("status")), staff(rs, "decided_by"),
				instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("decision_note"),
				staff(rs, "carried_out_by"), instant(rs.getObject("carried_out_at", OffsetDateTime.class)), items(id),
				appraisals(id));
	}

	private List<Disposition.Item> items(UUID id) {
		return jdbc.sql("select * from retention_disposition_item where disposition_id = ? order by position")
			.param(id)
			.query((rs, n) -> {
				var caseId = rs.getObject("case_id", UUID.class);
				var sha256 = rs.getString("sha256").strip();
				var sm3 = rs.getString("sm3");
				var kind = rs.getString("record_kind");
				var subject = rs.getObject("record_id", UUID.class);
				var archival = Disposition.Item.ARCHIVE.equals(kind);
				return new Disposition.Item(rs.getInt("position"),
						archival ? null : new RecordRef(RecordRef.Kind.valueOf(kind), subject), archival ? subject : null,
						caseId == null ? null : new CaseId(caseId), rs.getString("case_number"), rs.getString("title"),
						rs.getString("period"), rs.getObject("cut_off", LocalDate.class),
						rs.getObject("due_on", LocalDate.class), rs.getString("blob_role"),
						new ContentDigest(sha256, sm3 == null ? null : sm3.strip(), rs.getLong("size_bytes")),
						rs.getString("primary_outcome"), rs.getString("replica_outcome"), rs.getString("outcome_detail"),
						instant(rs.getObject("destroyed_at", OffsetDateTime.class)));
			})
			.list();
	}

	private List<Disposition.Appraisal> appraisals(UUID id) {
		return jdbc.sql("select * from retention_appraisal where disposition_id = ? order by given_at").param(id)
			.query((rs, n) -> new Disposition.Appraisal(rs.getObject("id", UUID.class),
					Disposition.AppraiserRole.valueOf(rs.getString("role")), rs.getBoolean("agrees"),
					rs.getString("opinion"), new StaffId(rs.getObject("given_by", UUID.class)),
					instant(rs.getObject("given_at", OffsetDateTime.class))))
			.list();
	}

	private static @Nullable StaffId staff(ResultSet rs, String column) throws SQLException {
		var id = rs.getObject(column, UUID.class);
		return id == null ? null : new StaffId(id);
	}
}
