package org.lawtrace.staff;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed sign-ins per account and client address, and until when that address is refused for that account. */
@Repository
class LoginFailures {

	/** The failures from one address since its last success or refusal, and how often it has been refused. */
	record Tally(int failures, int refusals, @Nullable Instant refusedUntil, Instant lastFailedAt) {
	}

	private final JdbcClient jdbc;

	LoginFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Tally> of(String username, String address) {
		return jdbc.sql("select failures, refusals, refused_until, last_failed_at from staff_login_failure "
				+ "where username = ? and address = ?")
			.params(username, address)
			.query((rs, row) -> new Tally(rs.getInt("failures"), rs.getInt("refusals"),
					instant(rs.getObject("refused_until", OffsetDateTime.class)),
					instant(rs.getObject("last_failed_at", OffsetDateTime.class))))
			.optional();
	}

	void put(String username, String address, Tally tally) {
		var updated = jdbc.sql("update staff_login_failure set failures = ?, refusals = ?, refused_until = ?, "
				+ "last_failed_at = ? where username = ? and address = ?")
			.params(tally.failures(), tally.refusals(), utc(tally.refusedUntil()), utc(tally.lastFailedAt()),
					username, address)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into staff_login_failure (username, address, failures, refusals, refused_until, "
					+ "last_failed_at) values (?, ?, ?, ?, ?, ?)")
				.params(username, address, tally.failures(), tally.refusals(), utc(tally.refusedUntil()),
						utc(tally.lastFailedAt()))
				.update();
		}
	}

	boolean accountExists(String username) {
		return jdbc.sql("select count(*) from staff_member where username = ?").param(username).query(Integer.class)
			.single() > 0;
	}

	void clear(String username, String address) {
		jdbc.sql("delete from staff_login_failure where username = ? and address = ?").params(username, address)
			.update();
	}

	/** Forgets every address's failures for the account; answers how many addresses were refused. */
	int clearAll(String username, Instant now) {
		var refused = jdbc.sql("select count(*) from staff_login_failure where username = ? and refused_until > ?")
			.params(username, utc(now))
			.query(Integer.class).single();
		jdbc.sql("delete from staff_login_failure where username = ?").param(username).update();
		return refused;
	}
}
