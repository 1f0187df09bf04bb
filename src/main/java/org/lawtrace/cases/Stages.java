package org.lawtrace.cases;

import static org.lawtrace.shared.DatabaseTime.utc;
import static org.lawtrace.shared.DatabaseTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stages of cases, in the order they happened. */
@Repository
class Stages {

	private final JdbcClient jdbc;

	Stages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Stage s) {
		jdbc.sql("""
				insert into cases_stage (id, case_id, kind, started_at, ended_at, place, note, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id().id(), s.caseId().id(), s.kind().name(), utc(s.startedAt()), utc(s.endedAt()),
					s.place(), s.note(), s.recordedBy().id(), utc(s.recordedAt()))
			.update();
		for (var staff : s.present()) {
			jdbc.sql("insert into cases_stage_present (stage_id, staff_id) values (?, ?)")
				.params(s.id().id(), staff.id()).update();
		}
	}

	List<Stage> ofCase(CaseId caseId) {
		var stages = jdbc.sql("select * from cases_stage where case_id = ? order by started_at, recorded_at")
			.param(caseId.id()).query(Stages::map).list();
		if (stages.isEmpty()) {
			return stages;
		}
		Map<UUID, List<StaffId>> present = jdbc.sql("select p.stage_id, p.staff_id from cases_stage_present p "
				+ "join cases_stage s on s.id = p.stage_id where s.case_id = ?")
			.param(caseId.id())
			.query((rs, row) -> Map.entry(rs.getObject("stage_id", UUID.class),
					new StaffId(rs.getObject("staff_id", UUID.class))))
			.list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return stages.stream()
			.map(s -> new Stage(s.id(), s.caseId(), s.kind(), s.startedAt(), s.endedAt(), s.place(),
					present.getOrDefault(s.id().id(), List.of()), s.note(), s.recordedBy(), s.recordedAt()))
			.toList();
	}

	Optional<Stage> byId(CaseId caseId, StageId id) {
		return ofCase(caseId).stream().filter(s -> s.id().equals(id)).findFirst();
	}

	private static Stage map(ResultSet rs, int row) throws SQLException {
		return new Stage(new StageId(rs.getObject("id", UUID.class)), new CaseId(rs.getObject("case_id", UUID.class)),
				StageKind.valueOf(rs.getString("kind")), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				instant(rs.getObject("ended_at", OffsetDateTime.class)), rs.getString("place"), List.of(),
				rs.getString("note"), new StaffId(rs.getObject("recorded_by", UUID.class)),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
	}
}
