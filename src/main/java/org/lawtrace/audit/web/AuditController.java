package org.lawtrace.audit.web;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditEntry;
import org.lawtrace.audit.AuditLog;
import org.lawtrace.audit.Checkpoint;
import org.lawtrace.audit.Verification;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over REST: verification, entries by subject or actor (a record's chain of custody), inclusion
 * proofs, checkpoints and the public key that signs them (ART-22).
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	/** Those who answer for the log's integrity: discipline (ART-21, 22), legal affairs (ART-19), director, custodian. */
	static final String AUDITORS = "hasAnyRole('DISCIPLINE','LEGAL_AFFAIRS','DIRECTOR','CUSTODIAN')";

	private final AuditLog log;
	private final BureauTime time;
	private final RecordGate gate;

	AuditController(AuditLog log, BureauTime time, RecordGate gate) {
		this.log = log;
		this.time = time;
		this.gate = gate;
	}

	/**
	 * Checks the whole audit log now (ART-22): every entry against the Merkle tree and every signed checkpoint, then
	 * against the anchors kept outside the database (the same check as {@code verify-log}); the answer names the first
	 * entry or checkpoint that does not hold, lists every difference the anchors show ({@code anchoring.findings}, each
	 * naming its entries) and says how many entries lie beyond the last anchor.
	 */
	@GetMapping("/verification")
	@PreAuthorize(AUDITORS)
	Verification verification() {
		return log.verify();
	}

	/**
	 * Audit log entries, newest first, optionally of one subject or one actor; entries of a recording or document only
	 * to whoever may see its metadata.
	 */
	@GetMapping("/entries")
	@PreAuthorize(AUDITORS)
	Page entries(@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable String subjectId,
			@RequestParam(required = false) @Nullable String actor, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Authentication caller) {
		if (subjectType != null && subjectId != null) {
			gate.requireVisible(subjectType.strip().toUpperCase(java.util.Locale.ROOT), subjectId.strip(), caller);
		}
		if (page < 0) {
			throw new InvalidInput("page", "页码不能为负 (page must not be negative)");
		}
		if (size < 1 || size > 500) {
			throw new InvalidInput("size", "每页 1 至 500 条 (size must be 1 to 500)");
		}
		var found = log.entries(blankToNull(subjectType), blankToNull(subjectId), blankToNull(actor), page, size);
		return new Page(found.items().stream().map(this::view).toList(), found.total(), found.page(), found.size());
	}

	/** An RFC 9162 inclusion proof of one entry against the latest signed checkpoint that covers it (else the log as it is now), to check offline. */
	@GetMapping("/entries/{seq}/proof")
	@PreAuthorize(AUDITORS)
	AuditLog.InclusionProof proof(@PathVariable long seq) {
		return log.proof(seq);
	}

	/** Signs a checkpoint now, e.g. before an export or a hand-over, rather than waiting for the next hundred. */
	@PostMapping("/checkpoints")
	@PreAuthorize(AUDITORS)
	ResponseEntity<Checkpoint> checkpoint() {
		return ResponseEntity.status(HttpStatus.CREATED).body(log.checkpoint());
	}

	/** Anyone signed in may check a checkpoint or an export, so anyone signed in may read the key. */
	@GetMapping("/public-key")
	@PreAuthorize("isAuthenticated()")
	AuditLog.PublicKey publicKey() {
		return log.publicKey();
	}

	private EntryView view(AuditEntry e) {
		return new EntryView(e.seq(), time.local(e.at()), e.actor(), e.action(), e.subjectType(), e.subjectId(),
				e.outcome(), e.detail(), e.leafHash());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	record EntryView(long seq, OffsetDateTime at, String actor, String action, String subjectType, String subjectId,
			String outcome, String detail, String leafHash) {
	}

	record Page(java.util.List<EntryView> items, long total, int page, int size) {
	}
}
