package org.lawtrace.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Downloads of originals and packages as their modules report them, counted per person and bureau day. */
@Repository
class Downloads {

	private final JdbcClient jdbc;

	Downloads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(StaffId staff, String subjectType, String subjectId, LocalDate day, Instant at) {
		jdbc.sql("insert into inspection_download (id, staff_id, subject_type, subject_id, bureau_day, at) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), staff.id(), subjectType, subjectId, day, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	int onDay(StaffId staff, LocalDate day) {
		return jdbc.sql("select count(*) from inspection_download where staff_id = ? and bureau_day = ?")
			.params(staff.id(), day).query(Integer.class).single();
	}

	int ofRecordOnDay(StaffId staff, String subjectType, String subjectId, LocalDate day) {
		return jdbc.sql("select count(*) from inspection_download where staff_id = ? and subject_type = ? "
				+ "and subject_id = ? and bureau_day = ?")
			.params(staff.id(), subjectType, subjectId, day).query(Integer.class).single();
	}
}
