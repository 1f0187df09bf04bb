package org.lawtrace.retention;

import java.util.UUID;

import org.lawtrace.shared.RecordRef;

/** What a hold or a long-term mark is placed on: a whole case (its file and every record in it) or one record. */
public record Subject(Type type, UUID id) {

	public enum Type {
		CASE, RECORDING, DOCUMENT
	}

	public static Subject of(RecordRef record) {
		return new Subject(record.kind() == RecordRef.Kind.RECORDING ? Type.RECORDING : Type.DOCUMENT, record.id());
	}

	public static Subject ofCase(UUID caseId) {
		return new Subject(Type.CASE, caseId);
	}

	@Override
	public String toString() {
		return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
	}
}
