package org.lawtrace.staff;

import static org.lawtrace.shared.DatabaseTime.utc;
import static org.lawtrace.shared.DatabaseTime.instant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, looks up and revokes API tokens. Tokens carry 256 random bits, so a plain SHA-256 of the secret is a
 * safe lookup key: there is nothing for a slow password hash to protect against.
 */
@Service
@Transactional
public class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();
	static final String PREFIX = "lt_";

	private final JdbcClient jdbc;
	private final BureauTime time;

	ApiTokens(JdbcClient jdbc, BureauTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	public ApiToken.Issued issue(StaffId owner, String name, @Nullable Instant expiresAt) {
		if (name.isBlank() || name.length() > 100) {
			throw new InvalidInput("name", "令牌名称必填且不超过100字 (name is required, at most 100 characters)");
		}
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var token = new ApiToken(UUID.randomUUID(), owner, name.strip(), time.now(), expiresAt, null, null);
		jdbc.sql("""
				insert into staff_api_token (id, staff_id, name, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(token.id(), owner.id(), token.name(), hash(secret), utc(token.createdAt()),
					expiresAt == null ? null : utc(expiresAt))
			.update();
		return new ApiToken.Issued(token, secret);
	}

	public List<ApiToken> ownedBy(StaffId owner) {
		return jdbc.sql("select * from staff_api_token where staff_id = ? order by created_at").param(owner.id())
			.query((rs, row) -> map(rs)).list();
	}

	/** Everyone's tokens (never their secrets), newest first. */
	public List<ApiToken> all() {
		return jdbc.sql("select * from staff_api_token order by created_at desc").query((rs, row) -> map(rs)).list();
	}

	public Optional<ApiToken> byId(UUID tokenId) {
		return jdbc.sql("select * from staff_api_token where id = ?").param(tokenId).query((rs, row) -> map(rs))
			.optional();
	}

	public void revoke(StaffId owner, UUID tokenId) {
		var updated = jdbc.sql("update staff_api_token set revoked_at = ? where id = ? and staff_id = ? "
				+ "and revoked_at is null")
			.params(utc(time.now()), tokenId, owner.id()).update();
		if (updated == 0) {
			throw new NotFound("token", tokenId);
		}
	}

	/** The owner of a live token, and marks it used. */
	Optional<StaffId> authenticate(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		var found = jdbc.sql("select * from staff_api_token where token_hash = ?").param(hash(secret))
			.query((rs, row) -> map(rs)).optional()
			.filter(t -> t.usableAt(time.now()));
		found.ifPresent(t -> jdbc.sql("update staff_api_token set last_used_at = ? where id = ?")
			.params(utc(time.now()), t.id()).update());
		return found.map(ApiToken::owner);
	}

	private static ApiToken map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), new StaffId(rs.getObject("staff_id", UUID.class)),
				rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				instant(rs.getObject("expires_at", OffsetDateTime.class)),
				instant(rs.getObject("revoked_at", OffsetDateTime.class)),
				instant(rs.getObject("last_used_at", OffsetDateTime.class)));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
