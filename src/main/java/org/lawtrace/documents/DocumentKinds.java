package org.lawtrace.documents;

import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.StageKind;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The document kinds, every version of each; the highest version of a code is the one in force. */
@Repository
class DocumentKinds {

	private static final String CURRENT = "select * from documents_kind k where version = "
			+ "(select max(version) from documents_kind where code = k.code)";

	private final JdbcClient jdbc;

	DocumentKinds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DocumentKind> current() {
		return jdbc.sql(CURRENT + " order by volume, volume_section, code").query(DocumentKinds::map).list();
	}

	Optional<DocumentKind> current(String code) {
		return jdbc.sql(CURRENT + " and code = ?").param(code).query(DocumentKinds::map).optional();
	}

	Optional<DocumentKind> version(String code, int version) {
		return jdbc.sql("select * from documents_kind where code = ? and version = ?").params(code, version)
			.query(DocumentKinds::map).optional();
	}

	List<DocumentKind> history(String code) {
		return jdbc.sql("select * from documents_kind where code = ? order by version").param(code)
			.query(DocumentKinds::map).list();
	}

	boolean exists(String code) {
		return jdbc.sql("select count(*) from documents_kind where code = ?").param(code).query(Long.class).single() > 0;
	}

	void add(DocumentKind k, @Nullable StaffId by, Instant at) {
		insert(k, by, at, "");
	}

	/**
	 * Adds version 1 of a shipped kind unless some version of it is there: instances starting together may both try,
	 * and a failed insert would abort a PostgreSQL transaction.
	 */
	void addIfAbsent(DocumentKind k, Instant at) {
		insert(k, null, at, " on conflict do nothing");
	}

	private void insert(DocumentKind k, @Nullable StaffId by, Instant at, String onConflict) {
		jdbc.sql("""
				insert into documents_kind (code, version, chinese_name, english_name, direction, confirmations,
				    page_by_page, stage_kinds, number_prefix, volume, volume_section, changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" + onConflict)
			.params(k.code(), k.version(), k.chineseName(), k.englishName(), k.direction().name(),
					names(k.confirmations()), k.pageByPage(), names(k.stageKinds()), k.numberPrefix(),
					k.volume().name(), k.section(), by == null ? null : by.id(), utc(at))
			.update();
	}

	/**
	 * The next number of a kind in a year, counting from 1; the row is locked by the update, so two registrations
	 * never get the same number.
	 */
	int nextNumber(String code, int year) {
		// a failed insert would abort a PostgreSQL transaction, so a year's first number is made without one
		jdbc.sql("insert into documents_counter (kind_code, counter_year, next_number) values (?, ?, 1) "
				+ "on conflict do nothing").params(code, year).update();
		jdbc.sql("update documents_counter set next_number = next_number + 1 where kind_code = ? and counter_year = ?")
			.params(code, year).update();
		return jdbc.sql("select next_number - 1 from documents_counter where kind_code = ? and counter_year = ?")
			.params(code, year).query(Integer.class).single();
	}

	static String names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
	}

	static <E extends Enum<E>> Set<E> parse(Class<E> type, @Nullable String names) {
		var set = EnumSet.noneOf(type);
		if (names == null || names.isBlank() || names.strip().equals("*")) {
			return set;
		}
		Arrays.stream(names.strip().split("\\s+")).map(n -> Enum.valueOf(type, n)).forEach(set::add);
		return set;
	}

	private static DocumentKind map(ResultSet rs, int row) throws SQLException {
		return new DocumentKind(rs.getString("code"), rs.getInt("version"), rs.getString("chinese_name"),
				rs.getString("english_name"), Direction.valueOf(rs.getString("direction")),
				parse(ConfirmationRule.class, rs.getString("confirmations")), rs.getBoolean("page_by_page"),
				parse(StageKind.class, rs.getString("stage_kinds")), rs.getString("number_prefix"),
				Volume.valueOf(rs.getString("volume")), rs.getInt("volume_section"));
	}
}
