package org.lawtrace.documents;

import java.util.HashSet;
import java.util.Set;

import org.lawtrace.shared.StoredContentReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The blobs the documents name, every version of each, for the store's reconciliation. */
@Component
class DocumentBlobs implements StoredContentReferences {

	private final JdbcClient jdbc;

	DocumentBlobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "document";
	}

	@Override
	public Set<String> sha256s() {
		return new HashSet<>(jdbc.sql("select sha256 from documents_version").query(String.class).list());
	}

	@Override
	public java.util.Collection<org.lawtrace.shared.ContentDigest> digests() {
		return jdbc.sql("select distinct sha256, size_bytes, sm3 from documents_version")
			.query((rs, n) -> new org.lawtrace.shared.ContentDigest(rs.getString(1).strip(), rs.getString(3) == null ? null
					: rs.getString(3).strip(), rs.getLong(2)))
			.list();
	}
}
