package org.lawtrace.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bureau's units. */
@Repository
class Units {

	private final JdbcClient jdbc;

	Units(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Unit unit) {
		jdbc.sql("insert into staff_unit (id, code, name, name_en, kind, parent_id) values (?, ?, ?, ?, ?, ?)")
			.params(unit.id().id(), unit.code(), unit.name(), unit.nameEn(), unit.kind().name(),
					unit.parentId() == null ? null : unit.parentId().id())
			.update();
	}

	List<Unit> all() {
		return jdbc.sql("select * from staff_unit order by code").query(Units::map).list();
	}

	Optional<Unit> byId(UnitId id) {
		return jdbc.sql("select * from staff_unit where id = ?").param(id.id()).query(Units::map).optional();
	}

	Optional<Unit> byCode(String code) {
		return jdbc.sql("select * from staff_unit where code = ?").param(code).query(Units::map).optional();
	}

	void putInCharge(StaffId deputy, UnitId unit) {
		jdbc.sql("insert into staff_charge (deputy_id, unit_id) values (?, ?)").params(deputy.id(), unit.id()).update();
	}

	List<UnitId> inChargeOf(StaffId deputy) {
		return jdbc.sql("select unit_id from staff_charge where deputy_id = ?").param(deputy.id())
			.query((rs, row) -> new UnitId(rs.getObject("unit_id", UUID.class))).list();
	}

	List<StaffId> deputiesInChargeOf(UnitId unit) {
		return jdbc.sql("select deputy_id from staff_charge where unit_id = ?").param(unit.id())
			.query((rs, row) -> new StaffId(rs.getObject("deputy_id", UUID.class))).list();
	}

	private static Unit map(ResultSet rs, int row) throws SQLException {
		var parent = rs.getObject("parent_id", UUID.class);
		return new Unit(new UnitId(rs.getObject("id", UUID.class)), rs.getString("code"), rs.getString("name"),
				rs.getString("name_en"), UnitKind.valueOf(rs.getString("kind")),
				parent == null ? null : new UnitId(parent));
	}
}
