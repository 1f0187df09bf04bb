package org.lawtrace.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enforcement certificates; a certificate is revoked, never removed, so past qualification stays provable. */
@Repository
class Certificates {

	private final JdbcClient jdbc;

	Certificates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(EnforcementCertificate c) {
		jdbc.sql("""
				insert into staff_certificate (id, staff_id, number, issuer, valid_from, valid_to)
				values (?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.holder().id(), c.number(), c.issuer(), c.validFrom(), c.validTo())
			.update();
	}

	void revoke(UUID id, LocalDate on, String reason) {
		jdbc.sql("update staff_certificate set revoked_on = ?, revoked_reason = ? where id = ?")
			.params(on, reason, id).update();
	}

	List<EnforcementCertificate> heldBy(StaffId holder) {
		return jdbc.sql("select * from staff_certificate where staff_id = ? order by valid_from")
			.param(holder.id()).query(Certificates::map).list();
	}

	/** Everyone's certificates, in one read, each person's in order of validity. */
	List<EnforcementCertificate> all() {
		return jdbc.sql("select * from staff_certificate order by staff_id, valid_from").query(Certificates::map).list();
	}

	Optional<EnforcementCertificate> byNumber(String number) {
		return jdbc.sql("select * from staff_certificate where number = ?").param(number)
			.query(Certificates::map).optional();
	}

	private static EnforcementCertificate map(ResultSet rs, int row) throws SQLException {
		return new EnforcementCertificate(rs.getObject("id", UUID.class),
				new StaffId(rs.getObject("staff_id", UUID.class)), rs.getString("number"), rs.getString("issuer"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getObject("revoked_on", LocalDate.class), rs.getString("revoked_reason"));
	}
}
