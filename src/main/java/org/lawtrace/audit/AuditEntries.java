package org.lawtrace.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored entries of the audit log: appended, read, never updated or deleted. */
@Repository
class AuditEntries {

	private final JdbcClient jdbc;

	AuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the writer's lock for the rest of the transaction, so the next sequence number is ours alone. */
	void lockWriter() {
		jdbc.sql("select id from audit_writer where id = 1 for update").query(Integer.class).single();
	}

	long size() {
		return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
	}

	long nextSeq() {
		return jdbc.sql("select coalesce(max(seq) + 1, 0) from audit_entry").query(Long.class).single();
	}

	void append(AuditEntry e) {
		jdbc.sql("""
				insert into audit_entry (seq, recorded_at, actor, action, subject_type, subject_id, outcome, detail,
				    leaf_hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(e.seq(), e.at().atOffset(ZoneOffset.UTC), e.actor(), e.action(), e.subjectType(), e.subjectId(),
					e.outcome(), e.detail(), e.leafHash())
			.update();
	}

	/** Up to {@code limit} entries from sequence number {@code fromSeq} on, in order: the log read page by page. */
	List<AuditEntry> from(long fromSeq, int limit) {
		return jdbc.sql("select * from audit_entry where seq >= ? order by seq limit ?").params(fromSeq, limit)
			.query(AuditEntries::map).list();
	}

	/** The newest {@code limit} entries by one actor, newest first. */
	List<AuditEntry> latestBy(String actor, int limit) {
		return jdbc.sql("select * from audit_entry where actor = ? order by seq desc limit ?").params(actor, limit)
			.query(AuditEntries::map).list();
	}

	/** The entries about any of these subjects among the first {@code treeSize}, in sequence order. */
	List<AuditEntry> about(Collection<AuditLog.Subject> subjects, long treeSize) {
		var found = new ArrayList<AuditEntry>();
		for (var s : new LinkedHashSet<>(subjects)) {
			found.addAll(jdbc.sql("select * from audit_entry where subject_type = ? and subject_id = ? and seq < ? "
					+ "order by seq").params(s.type(), s.id(), treeSize).query(AuditEntries::map).list());
		}
		found.sort(Comparator.comparingLong(AuditEntry::seq));
		return found;
	}

	/**
	 * The subjects of one type whose entries mention this text in their details: the documents and access requests
	 * of a case name it ({@code case=...}), the packages its records went into name those records.
	 */
	List<String> subjectsMentioning(String subjectType, String text) {
		return jdbc.sql("select distinct subject_id from audit_entry where subject_type = ? and detail like ?")
			.params(subjectType, "%" + text.replace("%", "").replace("_", "") + "%").query(String.class).list();
	}

	/**
	 * The entries about any of these subjects of one type, in sequence order: one page of records' history. Asked as
	 * the range from the least to the greatest id, which the subject index answers by a range scan (an {@code in}
	 * list on its second column is a full scan on H2); entries of subjects in the range but not asked for are left out.
	 * A page of records read in id order covers a narrow range, so few such entries are read.
	 */
	List<AuditEntry> aboutAll(String subjectType, Collection<String> subjectIds) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		var wanted = new java.util.HashSet<>(subjectIds);
		var sorted = new java.util.TreeSet<>(subjectIds);
		var found = new ArrayList<AuditEntry>();
		jdbc.sql("select * from audit_entry where subject_type = ? and subject_id between ? and ?")
			.params(subjectType, sorted.first(), sorted.last())
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				if (wanted.contains(rs.getString("subject_id"))) {
					found.add(map(rs, 0));
				}
			});
		found.sort(Comparator.comparingLong(AuditEntry::seq));
		return found;
	}

	/**
	 * The entries of one action on one subject type among those with {@code afterSeq < seq <= untilSeq}. Asked as a
	 * range of sequence numbers, which the primary key answers by a range scan, and filtered here: asked by action
	 * with {@code order by seq limit}, H2 took the subject index and sorted the whole log for every page.
	 */
	List<AuditEntry> ofAction(String subjectType, String action, long afterSeq, long untilSeq) {
		var found = new ArrayList<AuditEntry>();
		jdbc.sql("select * from audit_entry where seq > ? and seq <= ?").params(afterSeq, untilSeq)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				if (subjectType.equals(rs.getString("subject_type")) && action.equals(rs.getString("action"))) {
					found.add(map(rs, 0));
				}
			});
		found.sort(Comparator.comparingLong(AuditEntry::seq));
		return found;
	}

	List<String> leafHashes(long treeSize) {
		return jdbc.sql("select leaf_hash from audit_entry where seq < ? order by seq").param(treeSize)
			.query(String.class).list();
	}

	Optional<AuditEntry> bySeq(long seq) {
		return jdbc.sql("select * from audit_entry where seq = ?").param(seq).query(AuditEntries::map).optional();
	}

	List<AuditEntry> find(@Nullable String subjectType, @Nullable String subjectId, @Nullable String actor, int page,
			int size) {
		var params = new ArrayList<Object>();
		var where = where(subjectType, subjectId, actor, params);
		params.add(size);
		params.add((long) page * size);
		return jdbc.sql("select * from audit_entry" + where + " order by seq limit ? offset ?").params(params)
			.query(AuditEntries::map).list();
	}

	long count(@Nullable String subjectType, @Nullable String subjectId, @Nullable String actor) {
		var params = new ArrayList<Object>();
		var where = where(subjectType, subjectId, actor, params);
		return jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
	}

	private static String where(@Nullable String subjectType, @Nullable String subjectId, @Nullable String actor,
			List<Object> params) {
		var where = new StringBuilder(" where 1 = 1");
		if (subjectType != null) {
			where.append(" and subject_type = ?");
			params.add(subjectType);
		}
		if (subjectId != null) {
			where.append(" and subject_id = ?");
			params.add(subjectId);
		}
		if (actor != null) {
			where.append(" and actor = ?");
			params.add(actor);
		}
		return where.toString();
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getString("outcome"), rs.getString("detail"), rs.getString("leaf_hash"));
	}
}
