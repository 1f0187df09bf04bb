package org.lawtrace.recordings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.lawtrace.shared.ContentDigest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The copies made from recordings, one of each kind per recording at most; none is ever changed or removed. */
@Repository
class Derivatives {

	private final JdbcClient jdbc;

	Derivatives(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @throws org.springframework.dao.DuplicateKeyException when one of that kind is already recorded. */
	void add(Derivative d) {
		var digest = d.digest();
		jdbc.sql("""
				insert into recordings_derivative (id, recording_id, kind, status, media_type, size_bytes, sha256, sm3,
				    made_at, tool, reason)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), d.recordingId().id(), d.kind().name(), d.status().name(), d.mediaType(),
					digest == null ? null : digest.sizeBytes(), digest == null ? null : digest.sha256(),
					digest == null ? null : digest.sm3(), d.madeAt().atOffset(ZoneOffset.UTC), d.tool(), d.reason())
			.update();
	}

	List<Derivative> of(RecordingId id) {
		return jdbc.sql("select * from recordings_derivative where recording_id = ? order by kind")
			.param(id.id()).query(Derivatives::map).list();
	}

	Optional<Derivative> of(RecordingId id, DerivativeKind kind) {
		return jdbc.sql("select * from recordings_derivative where recording_id = ? and kind = ?")
			.params(id.id(), kind.name()).query(Derivatives::map).optional();
	}

	/** Of these recordings, those with a copy of that kind made (one query for a whole list). */
	Set<RecordingId> madeAmong(Collection<RecordingId> ids, DerivativeKind kind) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return jdbc.sql("select recording_id from recordings_derivative where kind = :kind and status = 'MADE' "
				+ "and recording_id in (:ids)")
			.param("kind", kind.name())
			.param("ids", ids.stream().map(RecordingId::id).distinct().toList())
			.query((rs, row) -> new RecordingId(rs.getObject(1, UUID.class)))
			.set();
	}

	private static Derivative map(ResultSet rs, int row) throws SQLException {
		var sha256 = rs.getString("sha256");
		var digest = sha256 == null ? null
				: new ContentDigest(sha256, rs.getString("sm3"), rs.getLong("size_bytes"));
		return new Derivative(new RecordingId(rs.getObject("recording_id", UUID.class)),
				DerivativeKind.valueOf(rs.getString("kind")), Derivative.Status.valueOf(rs.getString("status")), digest,
				rs.getString("media_type"), rs.getObject("made_at", OffsetDateTime.class).toInstant(),
				rs.getString("tool"), rs.getString("reason"));
	}
}
