package org.lawtrace.documents;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Names one document (文书). */
public record DocumentId(@JsonValue UUID id) {

	@JsonCreator
	public static DocumentId of(UUID id) {
		return new DocumentId(id);
	}

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
