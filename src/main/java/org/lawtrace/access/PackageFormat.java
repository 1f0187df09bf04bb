package org.lawtrace.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of an evidence package beside its payload, and their JSON shapes: written by {@link EvidencePackaging},
 * read back by {@code verify-package}. Times are ISO-8601 instants, exactly as the audit log hashes them.
 */
final class PackageFormat {

	static final String README = "README.txt";
	static final String ITEMS = "metadata/items.json";
	static final String ITEMS_TEXT = "metadata/items.txt";
	static final String CUSTODY = "custody/entries.json";
	static final String CHECKPOINT = "custody/checkpoint.json";
	static final String KEY = "custody/public-key.json";
	static final String KEY_PEM = "custody/public-key.pem";

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private PackageFormat() {
	}

	/** {@code metadata/items.json}: the package, the case it serves, and each item as the evidence rules ask. */
	record Items(String packageId, String recipientKind, String recipient, String purpose, @Nullable CaseLabel caseInfo,
			String createdBy, String createdAt, List<Item> items) {
	}

	record CaseLabel(String id, String caseNumber, String title, List<String> parties, List<String> handlers) {
	}

	/**
	 * One item; {@code transcript} is null for records without sound, and empty for sound not yet transcribed (the
	 * slot the evidence rules ask to be filled).
	 */
	record Item(String recordKind, String id, String file, String originalName, String kind, String mediaType,
			String sha256, @Nullable String sm3, long sizeBytes, @Nullable String caseId, String carrier, String method,
			@Nullable String madeFrom, @Nullable String madeUntil, String madeBy, String storedBy, String storedAt,
			String offeredToProve, @Nullable String transcript) {
	}

	/** {@code custody/entries.json}: one audit entry, its leaf hash, and its RFC 9162 audit path. */
	record CustodyEntry(long seq, String at, String actor, String action, String subjectType, String subjectId,
			String outcome, String detail, String leafHash, List<String> path) {
	}

	/** {@code custody/checkpoint.json}: the signed tree head every audit path leads to. */
	record CheckpointFile(long treeSize, String rootHash, String signedAt, String algorithm, String signature) {
	}

	/** {@code custody/public-key.json}: the SM2 key the checkpoint verifies with (uncompressed point, hex). */
	record KeyFile(String algorithm, String curve, String hex) {
	}
}
