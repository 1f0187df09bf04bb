package org.lawtrace.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of the audit log (审计记录): who did what to which subject, when, and with what outcome, with its leaf
 * hash in the Merkle tree.
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
		String outcome, String detail, String leafHash) {

	/**
	 * The bytes the leaf hash covers: a version tag, the sequence number (so a row moved to another place no longer
	 * matches) and each field length-prefixed (so no two different entries share an encoding).
	 */
	public byte[] canonicalBytes() {
		var out = new ByteArrayOutputStream();
		field(out, "lawtrace-audit-v1");
		out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
		field(out, at.toString());
		field(out, actor);
		field(out, action);
		field(out, subjectType);
		field(out, subjectId);
		field(out, outcome);
		field(out, detail);
		return out.toByteArray();
	}

	/** The RFC 9162 leaf hash of this entry's fields, as they are now. */
	public String computedLeafHash() {
		return HexFormat.of().formatHex(MerkleTree.leafHash(canonicalBytes()));
	}

	/** This entry with its leaf hash computed from its fields. */
	AuditEntry sealed() {
		return new AuditEntry(seq, at, actor, action, subjectType, subjectId, outcome, detail, computedLeafHash());
	}

	private static void field(ByteArrayOutputStream out, String value) {
		var bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
		out.writeBytes(bytes);
	}
}
