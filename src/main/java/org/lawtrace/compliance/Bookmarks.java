package org.lawtrace.compliance;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** ART-06.0 bookmarks; kept, never changed: a corrected mark is a later one. */
@Repository
class Bookmarks {

	private final JdbcClient jdbc;

	Bookmarks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Bookmark b) {
		jdbc.sql("insert into compliance_bookmark (id, recording_id, kind, offset_millis, attestation, source, set_by, "
				+ "set_at) values (?,?,?,?,?,?,?,?)")
			.params(b.id(), b.recordingId(), b.kind().name(), b.offsetMillis(), b.attestation(), b.source().name(),
					b.setBy().id(), utc(b.setAt()))
			.update();
	}

	List<Bookmark> of(UUID recording) {
		return jdbc.sql("select * from compliance_bookmark where recording_id = ? order by set_at").param(recording)
			.query((rs, n) -> new Bookmark(rs.getObject("id", UUID.class), rs.getObject("recording_id", UUID.class),
					BookmarkKind.valueOf(rs.getString("kind")), rs.getObject("offset_millis", Long.class),
					rs.getString("attestation"), Bookmark.Source.valueOf(rs.getString("source")),
					new StaffId(rs.getObject("set_by", UUID.class)), instant(rs.getObject("set_at", OffsetDateTime.class))))
			.list();
	}
}
