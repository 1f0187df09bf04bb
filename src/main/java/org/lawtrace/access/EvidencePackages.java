package org.lawtrace.access;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evidence packages made, and their items; rows are only ever added. */
@Repository
class EvidencePackages {

	private final JdbcClient jdbc;

	EvidencePackages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(EvidencePackage p, List<EvidencePackage.Item> items) {
		jdbc.sql("""
				insert into evidence_package (id, recipient_kind, recipient, purpose, case_id, sha256, sm3, size_bytes,
				    item_count, custody_entries, checkpoint_size, created_by, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), p.recipientKind().name(), p.recipient(), p.purpose(),
					p.caseId() == null ? null : p.caseId().id(), p.digest().sha256(), p.digest().sm3(),
					p.digest().sizeBytes(), p.itemCount(), p.custodyEntries(), p.checkpointSize(), p.createdBy().id(),
					utc(p.createdAt()), p.expiresAt() == null ? null : utc(p.expiresAt()))
			.update();
		for (var item : items) {
			jdbc.sql("""
					insert into evidence_package_item (package_id, position, record_kind, record_id, path, offered_to_prove)
					values (?, ?, ?, ?, ?, ?)""")
				.params(p.id(), item.position(), item.ref().kind().name(), item.ref().id(), item.path(),
						item.offeredToProve())
				.update();
		}
	}

	Optional<EvidencePackage> byId(UUID id) {
		return jdbc.sql("select * from evidence_package where id = ?").param(id).query(EvidencePackages::map)
			.optional();
	}

	/** The newest first, at most {@code limit}. */
	List<EvidencePackage> latest(int limit) {
		return jdbc.sql("select * from evidence_package order by created_at desc, id limit ?").param(limit)
			.query(EvidencePackages::map).list();
	}

	List<EvidencePackage.Item> items(UUID packageId) {
		return jdbc.sql("select * from evidence_package_item where package_id = ? order by position").param(packageId)
			.query((rs, row) -> new EvidencePackage.Item(rs.getInt("position"),
					new RecordRef(RecordRef.Kind.valueOf(rs.getString("record_kind")), rs.getObject("record_id", UUID.class)),
					rs.getString("path"), rs.getString("offered_to_prove")))
			.list();
	}

	private static EvidencePackage map(ResultSet rs, int row) throws SQLException {
		var caseId = rs.getObject("case_id", UUID.class);
		var expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
		return new EvidencePackage(rs.getObject("id", UUID.class),
				PackageRecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient"),
				rs.getString("purpose"), caseId == null ? null : new CaseId(caseId),
				new ContentDigest(rs.getString("sha256"), rs.getString("sm3"), rs.getLong("size_bytes")),
				rs.getInt("item_count"), rs.getInt("custody_entries"), rs.getLong("checkpoint_size"),
				new StaffId(rs.getObject("created_by", UUID.class)),
				instant(rs.getObject("created_at", OffsetDateTime.class)), expiresAt == null ? null : instant(expiresAt));
	}
}
