package org.lawtrace.retention;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The disc register: discs, what each holds, and each read-back; nothing is ever deleted. */
@Repository
class Discs {

	private static final String SELECT = """
			select d.*, c.checked_at as last_checked_at, c.passed as last_passed
			from retention_disc d
			left join retention_disc_check c on c.disc_id = d.id and c.checked_at = (
			    select max(c2.checked_at) from retention_disc_check c2 where c2.disc_id = d.id)
			""";

	private final JdbcClient jdbc;
	private final java.time.ZoneId zone;

	Discs(JdbcClient jdbc, org.lawtrace.shared.BureauTime time) {
		this.jdbc = jdbc;
		this.zone = time.zone();
	}

	void add(Disc disc, List<Disc.Item> items) {
		jdbc.sql("""
				insert into retention_disc (id, label, image_sha256, image_sm3, image_size, list_sha256, made_by, made_at,
				    made_with)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(disc.id(), disc.label(), disc.image().sha256(), disc.image().sm3(), disc.image().sizeBytes(),
					disc.listSha256(), disc.madeBy().id(), utc(disc.madeAt()), disc.madeWith())
			.update();
		for (var item : items) {
			jdbc.sql("""
					insert into retention_disc_item (disc_id, position, source_kind, source_id, title, name_in_image,
					    sha256, sm3, size_bytes)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(disc.id(), item.position(), item.sourceKind(), item.sourceId(), item.title(),
						item.nameInImage(), item.digest().sha256(), item.digest().sm3(), item.digest().sizeBytes())
				.update();
		}
	}

	/** How many labels were given in a year, for the next serial. */
	int labelsOf(String prefix) {
		return jdbc.sql("select count(*) from retention_disc where label like ?").param(prefix + "%")
			.query(Integer.class).single();
	}

	boolean burned(UUID id, LocalDate on, StaffId by, String location, java.time.Instant at) {
		return jdbc.sql("""
				update retention_disc set burned_on = ?, burned_by = ?, location = ?, recorded_at = ?
				where id = ? and burned_on is null""")
			.params(on, by.id(), location, utc(at), id).update() == 1;
	}

	void relocated(UUID id, String location, java.time.Instant at) {
		jdbc.sql("update retention_disc set location = ?, recorded_at = ? where id = ?")
			.params(location, utc(at), id).update();
	}

	void checked(UUID discId, Disc.Check check) {
		jdbc.sql("""
				insert into retention_disc_check (id, disc_id, checked_at, checked_by, image_sha256, image_matches, passed,
				    findings, source)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(check.id(), discId, utc(check.checkedAt()), check.checkedBy().id(), check.imageSha256(),
					check.imageMatches(), check.passed(), check.findings(), check.source())
			.update();
	}

	Optional<Disc> byId(UUID id) {
		return jdbc.sql(SELECT + " where d.id = ?").param(id).query(this::map).optional();
	}

	/** Every disc, newest first. */
	List<Disc> all() {
		return jdbc.sql(SELECT + " order by d.made_at desc, d.label desc").query(this::map).list();
	}

	/** The discs holding some package version of an archived file. */
	List<Disc> holdingArchive(UUID archiveId) {
		return jdbc.sql(SELECT + """
				 where d.id in (select i.disc_id from retention_disc_item i
				    where i.source_kind = ? and i.source_id like ?) order by d.made_at""")
			.params(ArchivePackageMaterial.KIND, archiveId + "/v%").query(this::map).list();
	}

	List<Disc.Item> items(UUID discId) {
		return jdbc.sql("select * from retention_disc_item where disc_id = ? order by position").param(discId)
			.query((rs, row) -> new Disc.Item(rs.getInt("position"), rs.getString("source_kind"),
					rs.getString("source_id"), rs.getString("title"), rs.getString("name_in_image"),
					new ContentDigest(rs.getString("sha256"), rs.getString("sm3"), rs.getLong("size_bytes"))))
			.list();
	}

	/** Newest first. */
	List<Disc.Check> checks(UUID discId) {
		return jdbc.sql("select * from retention_disc_check where disc_id = ? order by checked_at desc").param(discId)
			.query((rs, row) -> new Disc.Check(rs.getObject("id", UUID.class),
					instant(rs.getObject("checked_at", OffsetDateTime.class)),
					new StaffId(rs.getObject("checked_by", UUID.class)), rs.getString("image_sha256"),
					(Boolean) rs.getObject("image_matches"), rs.getBoolean("passed"), rs.getString("findings"),
					rs.getString("source")))
			.list();
	}

	/** Every image and list blob the register names, for the store's reconciliation. */
	List<ContentDigest> images() {
		return jdbc.sql("select image_sha256, image_sm3, image_size from retention_disc")
			.query((rs, row) -> new ContentDigest(rs.getString("image_sha256"), rs.getString("image_sm3"),
					rs.getLong("image_size")))
			.list();
	}

	private Disc map(ResultSet rs, int row) throws SQLException {
		var burnedBy = rs.getObject("burned_by", UUID.class);
		var lastChecked = rs.getObject("last_checked_at", OffsetDateTime.class);
		return new Disc(rs.getObject("id", UUID.class), rs.getString("label"),
				new ContentDigest(rs.getString("image_sha256"), rs.getString("image_sm3"), rs.getLong("image_size")),
				rs.getString("list_sha256"), new StaffId(rs.getObject("made_by", UUID.class)),
				instant(rs.getObject("made_at", OffsetDateTime.class)), rs.getString("made_with"),
				rs.getObject("burned_on", LocalDate.class), burnedBy == null ? null : new StaffId(burnedBy),
				rs.getString("location"),
				lastChecked == null ? null : instant(lastChecked).atZone(zone).toLocalDate(),
				(Boolean) rs.getObject("last_passed"));
	}
}
