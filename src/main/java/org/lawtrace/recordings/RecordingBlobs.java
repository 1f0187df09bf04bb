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

	@Override
	public java.util.Collection<org.lawtrace.shared.ContentDigest> digests() {
		return jdbc.sql("select sha256, size_bytes, sm3 from recordings_recording union select sha256, size_bytes, sm3 from recordings_derivative where sha256 is not null and size_bytes is not null")
			.query((rs, n) -> new org.lawtrace.shared.ContentDigest(rs.getString(1).strip(), rs.getString(3) == null ? null
					: rs.getString(3).strip(), rs.getLong(2)))
			.list();
	}
}
