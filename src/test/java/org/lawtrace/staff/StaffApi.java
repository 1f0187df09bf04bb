package org.lawtrace.staff;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The staff API's JSON contract as the tests see it, declared apart from the production classes so that a change to
 * the wire shows up here. Responses declare the fields the tests read; the client ignores the others.
 */
public final class StaffApi {

	private StaffApi() {
	}

	/** {@code POST /api/v1/staff}; without a password the platform sets none. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewStaff(String username, String name, String staffNumber, UUID unitId, boolean permanent,
			List<String> roles, @Nullable String password) {
	}

	/** {@code GET /api/v1/staff/{username}}. */
	public record StaffView(UUID id, String username, String name, UUID unitId, List<String> roles,
			List<String> pendingRoles) {
	}

	/** {@code PUT /api/v1/staff/{username}/roles}. */
	public record NewRoles(List<String> roles) {
	}

	/** {@code GET /api/v1/staff/role-changes}. */
	public record RoleChangeView(UUID id, String username, List<String> roles, String status) {
	}

	/** {@code POST /api/v1/staff/role-changes/{id}/refusal}. */
	public record Refusal(String reason) {
	}

	/** {@code POST /api/v1/staff/{username}/password}, the administrator's reset. */
	public record NewPassword(String password) {
	}

	/** {@code POST /api/v1/staff/me/password}. */
	public record PasswordChange(String currentPassword, String newPassword) {
	}

	/** {@code POST /api/v1/staff/{username}/certificates}. */
	public record NewCertificate(String number, String issuer, LocalDate validFrom, LocalDate validTo) {
	}

	/** {@code POST /api/v1/certificates/{number}/revocation}. */
	public record Revocation(LocalDate on, String reason) {
	}

	/** {@code POST /api/v1/staff/me/tokens}. */
	public record NewToken(String name) {
	}

	/** The answer to {@code POST /api/v1/staff/me/tokens}: the token itself, shown this once. */
	public record IssuedToken(UUID id, String name, String token) {
	}

	/** One entry of {@code GET /api/v1/audit/entries}, as far as the staff tests read it. */
	public record AuditEntry(String action) {
	}

	/** {@code GET /api/v1/audit/entries}. */
	public record AuditPage(List<AuditEntry> items) {
	}
}
