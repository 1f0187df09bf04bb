package org.lawtrace.documents;

import java.util.UUID;

/** Names one document (文书). */
public record DocumentId(UUID id) {

	public DocumentId {
		if (id == null) {
			throw new IllegalArgumentException("id must not be null");
		}
	}

	public static DocumentId random() {
		return new DocumentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
