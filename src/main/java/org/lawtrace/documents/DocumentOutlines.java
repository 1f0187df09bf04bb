package org.lawtrace.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents module's bulk reads of its rows' facts, page by page in id order, so a module that checks every
 * document against the audit log (ART-22) asks here instead of reading this module's tables.
 */
@Repository
@Transactional(readOnly = true)
public class DocumentOutlines {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	DocumentOutlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} documents with an id after {@code after} (from the first when null), in id order. */
	public List<DocumentFacts> facts(@Nullable DocumentId after, int limit) {
		var heads = after == null
				? jdbc.sql("select id, case_id from documents_document order by id limit ?").param(limit)
					.query(DocumentOutlines::head).list()
				: jdbc.sql("select id, case_id from documents_document where id > ? order by id limit ?")
					.params(after.id(), limit).query(DocumentOutlines::head).list();
		return withVersions(heads);
	}

	/** The same facts of the named documents that exist; those that do not are left out. */
	public List<DocumentFacts> factsOf(Collection<DocumentId> ids) {
		var heads = new ArrayList<DocumentFacts>();
		var all = ids.stream().map(DocumentId::id).distinct().toList();
		for (var from = 0; from < all.size(); from += CHUNK) {
			var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			heads.addAll(jdbc.sql("select id, case_id from documents_document where id in (" + marks(chunk.size())
					+ ") order by id").params(chunk.toArray()).query(DocumentOutlines::head).list());
		}
		return withVersions(heads);
	}

	private List<DocumentFacts> withVersions(List<DocumentFacts> heads) {
		var versions = new HashMap<UUID, List<DocumentFacts.VersionFacts>>();
		var ids = heads.stream().map(h -> h.id().id()).toList();
		for (var from = 0; from < ids.size(); from += CHUNK) {
			var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			jdbc.sql("select document_id, version, sha256, size_bytes, sm3 from documents_version where document_id in ("
					+ marks(chunk.size()) + ") order by document_id, version")
				.params(chunk.toArray())
				.query((rs, n) -> versions.computeIfAbsent(rs.getObject("document_id", UUID.class),
						k -> new ArrayList<>())
					.add(new DocumentFacts.VersionFacts(rs.getInt("version"), rs.getString("sha256").strip(),
							rs.getLong("size_bytes"), rs.getString("sm3") == null ? null : rs.getString("sm3").strip())))
				.list();
		}
		return heads.stream()
			.map(h -> new DocumentFacts(h.id(), h.caseId(), versions.getOrDefault(h.id().id(), List.of())))
			.toList();
	}

	private static String marks(int n) {
		return String.join(",", Collections.nCopies(n, "?"));
	}

	private static DocumentFacts head(ResultSet rs, int n) throws SQLException {
		return new DocumentFacts(new DocumentId(rs.getObject("id", UUID.class)),
				new CaseId(rs.getObject("case_id", UUID.class)), List.of());
	}
}
