package org.lawtrace.shared;

import java.util.UUID;

/** Names one record, audio-visual (音像记录) or text (文字记录), across modules: what access grants and packages point at. */
public record RecordRef(Kind kind, UUID id) {

	public enum Kind {
		RECORDING, DOCUMENT
	}

	public RecordRef {
		if (kind == null || id == null) {
			throw new IllegalArgumentException("kind and id must not be null");
		}
	}

	public static RecordRef recording(UUID id) {
		return new RecordRef(Kind.RECORDING, id);
	}

	public static RecordRef document(UUID id) {
		return new RecordRef(Kind.DOCUMENT, id);
	}

	@Override
	public String toString() {
		return kind.name().toLowerCase() + ":" + id;
	}
}
