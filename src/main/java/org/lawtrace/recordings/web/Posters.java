package org.lawtrace.recordings.web;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lawtrace.recordings.RecordingId;

/** The recordings whose poster frame a page may show, as the pages name recordings: by their UUIDs. */
final class Posters {

	private Posters() {
	}

	static Set<UUID> ids(Set<RecordingId> recordings) {
		return recordings.stream().map(RecordingId::id).collect(Collectors.toSet());
	}
}
