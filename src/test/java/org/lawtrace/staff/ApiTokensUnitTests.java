package org.lawtrace.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.MovableClock;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * API tokens (collection stations and scripts sign in with them, GB/T 22239-2019 身份鉴别): the secret is shown once
 * and only its SHA-256 is kept; a token signs in its owner until it expires or is revoked, and only its owner revokes
 * it.
 */
class ApiTokensUnitTests {

	private final MovableClock clock = new MovableClock();
	private final StaffId owner = StaffId.random();
	private JdbcClient jdbc;
	private ApiTokens tokens;

	@BeforeEach
	void freshDatabase() {
		jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:tokens" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", ""));
		jdbc.sql("""
				create table staff_api_token (id uuid primary key, staff_id uuid not null, name varchar(100) not null,
				    token_hash varchar(64) not null unique, created_at timestamp with time zone not null,
				    expires_at timestamp with time zone, revoked_at timestamp with time zone,
				    last_used_at timestamp with time zone)""").update();
		tokens = new ApiTokens(jdbc, BureauTime.of(clock, ZoneId.of("Asia/Shanghai")));
	}

	@Test
	@DisplayName("the secret is shown once and never stored: only its SHA-256 is kept")
	void onlyTheHashIsKept() {
		var issued = tokens.issue(owner, "采集站一号", null);

		assertThat(issued.secret()).startsWith(ApiTokens.PREFIX).hasSizeGreaterThan(40);
		var stored = jdbc.sql("select token_hash from staff_api_token").query(String.class).single();
		assertThat(stored).isEqualTo(ApiTokens.hash(issued.secret())).isNotEqualTo(issued.secret());
		assertThat(tokens.issue(owner, "二号", null).secret()).isNotEqualTo(issued.secret());
	}

	@Test
	@DisplayName("a live token signs in its owner and is marked used; a wrong or foreign-looking secret signs in nobody")
	void aLiveTokenSignsInItsOwner() {
		var issued = tokens.issue(owner, "脚本", null);

		assertThat(tokens.authenticate(issued.secret())).contains(owner);
		assertThat(tokens.ownedBy(owner)).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
		assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();
		assertThat(tokens.authenticate("Bearer " + issued.secret())).isEmpty();
	}

	@Test
	@DisplayName("an expired token and a revoked one sign in nobody")
	void expiredAndRevokedTokensAreRefused() {
		var expiring = tokens.issue(owner, "一天", clock.instant().plus(Duration.ofDays(1)));
		var revoked = tokens.issue(owner, "吊销", null);
		tokens.revoke(owner, revoked.token().id());

		assertThat(tokens.authenticate(expiring.secret())).contains(owner);
		assertThat(tokens.authenticate(revoked.secret())).isEmpty();
		clock.advance(Duration.ofDays(1));
		assertThat(tokens.authenticate(expiring.secret())).isEmpty();
	}

	@Test
	@DisplayName("only its owner revokes a token, once; a token needs a name")
	void onlyTheOwnerRevokes() {
		var issued = tokens.issue(owner, "令牌", null);

		assertThatThrownBy(() -> tokens.revoke(StaffId.random(), issued.token().id())).isInstanceOf(NotFound.class);
		assertThat(tokens.authenticate(issued.secret())).contains(owner);
		tokens.revoke(owner, issued.token().id());
		assertThatThrownBy(() -> tokens.revoke(owner, issued.token().id())).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> tokens.issue(owner, " ", null))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
	}
}
