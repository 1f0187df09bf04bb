package org.lawtrace.recordings;

import java.util.HashSet;
import java.util.Set;

import org.lawtrace.shared.StoredContentReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The blobs the recordings name, originals and derivatives (poster frames, playable copies), for the store's
 * reconciliation.
 */
@Component
class RecordingBlobs implements StoredContentReferences {

	private final JdbcClient jdbc;

	RecordingBlobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "recording";
	}

	@Override
	public Set<String> sha256s() {
		return new HashSet<>(jdbc.sql("select sha256 from recordings_recording union select sha256 from recordings_derivative where sha256 is not null").query(String.class).list());
	}
}
