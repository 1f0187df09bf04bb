package org.lawtrace.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.MovableClock;
import org.lawtrace.shared.BureauTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * GB/T 22239-2019 (登录失败处理) without a lever against others: failures count per account and client address, so
 * wrong passwords from one address never refuse the owner at another, and the refusals grow (1, 2, 4 … minutes, up to
 * the lock-out setting). On the old code five failures from anywhere locked the account itself for 15 minutes.
 */
class LoginAttemptsUnitTests {

	private static final String ATTACKER = "10.0.0.66";
	private static final String OWNER = "10.0.0.7";

	private final MovableClock clock = new MovableClock();
	private final List<Object> published = new ArrayList<>();
	private LoginAttempts attempts;
	private LoginFailures failures;

	@BeforeEach
	void freshDatabase() {
		var jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:login" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", ""));
		jdbc.sql("""
				create table staff_login_failure (username varchar(60) not null, address varchar(64) not null,
				    failures integer not null, refusals integer not null, refused_until timestamp with time zone,
				    last_failed_at timestamp with time zone not null, primary key (username, address))""").update();
		failures = new LoginFailures(jdbc);
		attempts = new LoginAttempts(failures, BureauTime.of(clock, ZoneId.of("Asia/Shanghai")), published::add, 5,
				Duration.ofMinutes(15));
	}

	@Test
	@DisplayName("ART-20, GB/T 22239: five wrong passwords from one address do not refuse the director at another")
	void failuresFromOneAddressLeaveOthersAlone() {
		fail("sun.li", ATTACKER, 5);
		assertThat(attempts.refusedUntil("sun.li", ATTACKER)).isPresent();
		assertThat(attempts.refusedUntil("sun.li", OWNER)).isEmpty();
		assertThat(attempts.refusedUntil("he.jun", ATTACKER)).isEmpty();
		assertThat(published).singleElement().isInstanceOfSatisfying(AccountLocked.class, e -> {
			assertThat(e.username()).isEqualTo("sun.li");
			assertThat(e.address()).isEqualTo(ATTACKER);
		});
	}

	@Test
	@DisplayName("GB/T 22239: four failures are not yet refused; the fifth refuses the address for one minute")
	void refusesAfterTheSettingsCount() {
		fail("li.na", ATTACKER, 4);
		assertThat(attempts.refusedUntil("li.na", ATTACKER)).isEmpty();
		fail("li.na", ATTACKER, 1);
		assertThat(attempts.refusedUntil("li.na", ATTACKER))
			.hasValueSatisfying(until -> assertThat(roughly(Duration.between(clock.instant(), until)))
				.isEqualTo(Duration.ofMinutes(1)));
		clock.advance(Duration.ofSeconds(61));
		assertThat(attempts.refusedUntil("li.na", ATTACKER)).isEmpty();
	}

	@Test
	@DisplayName("GB/T 22239: each further round of failures doubles the refusal, up to the lock-out setting")
	void refusalsGrowUpToTheLockout() {
		var lengths = new ArrayList<Duration>();
		for (var round = 0; round < 6; round++) {
			fail("li.na", ATTACKER, 5);
			var until = attempts.refusedUntil("li.na", ATTACKER).orElseThrow();
			lengths.add(roughly(Duration.between(clock.instant(), until)));
			clock.advance(Duration.between(clock.instant(), until).plusSeconds(1));
		}
		assertThat(lengths).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
				Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15));
	}

	@Test
	void aSuccessFromTheAddressStartsOver() {
		fail("li.na", ATTACKER, 4);
		attempts.succeeded("li.na", ATTACKER);
		fail("li.na", ATTACKER, 4);
		assertThat(attempts.refusedUntil("li.na", ATTACKER)).isEmpty();
	}

	@Test
	void anUnlockClearsEveryAddress() {
		fail("li.na", ATTACKER, 5);
		fail("li.na", OWNER, 5);
		assertThat(failures.clearAll("li.na", clock.instant())).isEqualTo(2);
		assertThat(attempts.refusedUntil("li.na", ATTACKER)).isEmpty();
		assertThat(attempts.refusedUntil("li.na", OWNER)).isEmpty();
	}

	/** The clock moves on while the test runs: whole seconds are what counts here. */
	private static Duration roughly(Duration d) {
		return Duration.ofSeconds(Math.round(d.toMillis() / 1000.0));
	}

	private void fail(String username, String address, int times) {
		for (var i = 0; i < times; i++) {
			attempts.failed(username, address);
		}
	}
}
