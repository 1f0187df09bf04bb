package org.lawtrace.staff;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/** A bearer token an API client (a collection station's agent, a case system) uses; only its hash is kept. */
public record ApiToken(UUID id, StaffId owner, String name, Instant createdAt, @Nullable Instant expiresAt,
		@Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

	boolean usableAt(Instant now) {
		return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
	}

	/** A freshly issued token: the secret is shown once and never stored. */
	public record Issued(ApiToken token, String secret) {
	}
}
