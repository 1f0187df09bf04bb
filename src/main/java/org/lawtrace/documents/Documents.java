package org.lawtrace.documents;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.Cursors;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Documents with their versions, confirmations and services. Only additions: no row is ever updated or deleted,
 * so every version and every signature stays as recorded (ART-05.4).
 */
@Repository
class Documents {

	private final JdbcClient jdbc;
	private final JdbcTemplate cursors;
	private final DocumentKinds kinds;

	Documents(JdbcClient jdbc, DataSource dataSource, DocumentKinds kinds) {
		this.cursors = Cursors.template(dataSource);
		this.jdbc = jdbc;
		this.kinds = kinds;
	}

	void add(Document d) {
		jdbc.sql("""
				insert into documents_document (id, case_id, stage_id, kind_code, kind_version, number, title, made_by,
				    made_at, registered_by, registered_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.id().id(), d.caseId().id(), d.stageId() == null ? null : d.stageId().id(), d.kind().code(),
					d.kind().version(), d.number(), d.title(), d.madeBy().id(), utc(d.madeAt()), d.registeredBy().id(),
					utc(d.registeredAt()))
			.update();
		d.versions().forEach(v -> addVersion(d.id(), v));
	}

	void addVersion(DocumentId id, DocumentVersion v) {
		jdbc.sql("""
				insert into documents_version (document_id, version, sha256, sm3, size_bytes, media_type, file_name,
				    page_count, reason, changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id.id(), v.number(), v.digest().sha256(), v.digest().sm3(), v.digest().sizeBytes(), v.mediaType(),
					v.fileName(), v.pageCount(), v.reason(), v.changedBy().id(), utc(v.changedAt()))
			.update();
	}

	void addConfirmation(DocumentId id, Confirmation c) {
		jdbc.sql("""
				insert into documents_confirmation (id, document_id, version, kind, role, staff_id, name, pages,
				    confirmed_at, witness, recording_id, note, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), id.id(), c.version(), c.kind().name(), c.role().name(),
					c.staffId() == null ? null : c.staffId().id(), c.name(),
					c.pages().isEmpty() ? null : c.pages().stream().map(String::valueOf).collect(Collectors.joining(",")),
					utc(c.confirmedAt()), c.witness(), c.recordingId(), c.note(), c.recordedBy().id(),
					utc(c.recordedAt()))
			.update();
	}

	void addService(DocumentId id, ServiceRecord s) {
		jdbc.sql("""
				insert into documents_service (id, document_id, method, served_at, deemed_served_at, server_id, recipient,
				    witness, place, recording_id, proof_id, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), id.id(), s.method().name(), utc(s.servedAt()), utc(s.deemedServedAt()), s.server().id(),
					s.recipient(), s.witness(), s.place(), s.recordingId(), s.proofId() == null ? null : s.proofId().id(),
					s.recordedBy().id(), utc(s.recordedAt()))
			.update();
	}

	boolean numberTaken(String number) {
		return jdbc.sql("select count(*) from documents_document where number = ?").param(number).query(Long.class)
			.single() > 0;
	}

	Optional<Document> byId(DocumentId id) {
		return load("d.id = ?", id.id()).stream().findFirst();
	}

	List<Document> ofCase(CaseId caseId) {
		return load("d.case_id = ?", caseId.id());
	}

	/**
	 * The documents of every case whose id lies between two, for the compliance checks' batches. The versions,
	 * confirmations and services are read by lists of document ids: joined on the case range instead, PostgreSQL
	 * scans each whole table once per batch.
	 */
	List<Document> ofCasesBetween(CaseId first, CaseId last) {
		var heads = jdbc.sql("select * from documents_document d where d.case_id between ? and ? "
				+ "order by d.made_at, d.registered_at").params(first.id(), last.id()).query(Head::map).list();
		return withParts(heads);
	}

	/** The documents of these cases, in the order they were made: a page of a person's open cases reads them at once. */
	List<Document> ofCases(Collection<CaseId> cases) {
		if (cases.isEmpty()) {
			return List.of();
		}
		var heads = jdbc.sql("select * from documents_document d where d.case_id in (:ids) "
				+ "order by d.made_at, d.registered_at")
			.param("ids", cases.stream().map(CaseId::id).distinct().toList()).query(Head::map).list();
		return withParts(heads);
	}

	/** The documents of these heads with their versions, confirmations and services, read by lists of ids. */
	private List<Document> withParts(List<Head> heads) {
		var versions = new java.util.HashMap<UUID, List<DocumentVersion>>();
		var confirmations = new java.util.HashMap<UUID, List<Confirmation>>();
		var services = new java.util.HashMap<UUID, List<ServiceRecord>>();
		for (var from = 0; from < heads.size(); from += 1000) {
			var ids = heads.subList(from, Math.min(heads.size(), from + 1000)).stream().map(h -> (Object) h.id.id())
				.toList();
			var in = "(" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
			jdbc.sql("select * from documents_version where document_id in " + in + " order by version").params(ids)
				.query((rs, row) -> versions.computeIfAbsent(rs.getObject("document_id", UUID.class),
						k -> new java.util.ArrayList<>()).add(version(rs)))
				.list();
			jdbc.sql("select * from documents_confirmation where document_id in " + in
					+ " order by confirmed_at, recorded_at").params(ids)
				.query((rs, row) -> confirmations.computeIfAbsent(rs.getObject("document_id", UUID.class),
						k -> new java.util.ArrayList<>()).add(confirmation(rs)))
				.list();
			jdbc.sql("select * from documents_service where document_id in " + in + " order by served_at, recorded_at")
				.params(ids)
				.query((rs, row) -> services.computeIfAbsent(rs.getObject("document_id", UUID.class),
						k -> new java.util.ArrayList<>()).add(service(rs)))
				.list();
		}
		// a batch has thousands of documents of a few kinds: each kind version is read once
		var kindVersions = new java.util.HashMap<String, DocumentKind>();
		return heads.stream().map(h -> new Document(h.id, h.caseId, h.stageId,
				kindVersions.computeIfAbsent(h.kindCode + "/" + h.kindVersion,
						k -> kinds.version(h.kindCode, h.kindVersion).orElseThrow()), h.number, h.title, h.madeBy, h.madeAt,
				h.registeredBy, h.registeredAt, versions.getOrDefault(h.id.id(), List.of()),
				confirmations.getOrDefault(h.id.id(), List.of()), services.getOrDefault(h.id.id(), List.of())))
			.toList();
	}

	/** A row of a document's part with the case its document belongs to, for walking beside the cases. */
	private record Part<T>(UUID caseId, UUID documentId, T part) {
	}

	/**
	 * Every case's documents, sorted by case id (in the order each case's were made) and read as the caller walks
	 * them: four streamed queries ({@link Cursors}) for a full compliance run, instead of a round of lookups by lists
	 * of document ids per range of cases. Inside a read-only, repeatable-read transaction; close it.
	 */
	java.util.stream.Stream<Document> ofAllCases() {
		var heads = cursors.queryForStream("select * from documents_document d order by d.case_id, d.made_at, "
				+ "d.registered_at", Head::map);
		var versions = cursors.queryForStream("select v.*, d.case_id as owner from documents_version v "
				+ "join documents_document d on d.id = v.document_id order by d.case_id, v.version",
				(rs, n) -> new Part<>(rs.getObject("owner", UUID.class), rs.getObject("document_id", UUID.class),
						version(rs)));
		var confirmations = cursors.queryForStream("select c.*, d.case_id as owner from documents_confirmation c "
				+ "join documents_document d on d.id = c.document_id order by d.case_id, c.confirmed_at, c.recorded_at",
				(rs, n) -> new Part<>(rs.getObject("owner", UUID.class), rs.getObject("document_id", UUID.class),
						confirmation(rs)));
		var services = cursors.queryForStream("select s.*, d.case_id as owner from documents_service s "
				+ "join documents_document d on d.id = s.document_id order by d.case_id, s.served_at, s.recorded_at",
				(rs, n) -> new Part<>(rs.getObject("owner", UUID.class), rs.getObject("document_id", UUID.class),
						service(rs)));
		var versionsOf = new Cursors.Children<>(versions, Part::caseId);
		var confirmationsOf = new Cursors.Children<>(confirmations, Part::caseId);
		var servicesOf = new Cursors.Children<>(services, Part::caseId);
		var kindVersions = new java.util.HashMap<String, DocumentKind>();
		// the parts of the case whose documents are being walked, taken when its first document comes
		var current = new Object() {
			@Nullable UUID caseId;
			Map<UUID, List<DocumentVersion>> versions = Map.of();
			Map<UUID, List<Confirmation>> confirmations = Map.of();
			Map<UUID, List<ServiceRecord>> services = Map.of();
		};
		return heads.map(h -> {
			if (!h.caseId.id().equals(current.caseId)) {
				current.caseId = h.caseId.id();
				current.versions = byDocument(versionsOf.of(current.caseId));
				current.confirmations = byDocument(confirmationsOf.of(current.caseId));
				current.services = byDocument(servicesOf.of(current.caseId));
			}
			return new Document(h.id, h.caseId, h.stageId,
					kindVersions.computeIfAbsent(h.kindCode + "/" + h.kindVersion,
							k -> kinds.version(h.kindCode, h.kindVersion).orElseThrow()),
					h.number, h.title, h.madeBy, h.madeAt, h.registeredBy, h.registeredAt,
					current.versions.getOrDefault(h.id.id(), List.of()),
					current.confirmations.getOrDefault(h.id.id(), List.of()),
					current.services.getOrDefault(h.id.id(), List.of()));
		}).onClose(() -> {
			versions.close();
			confirmations.close();
			services.close();
		});
	}

	private static <T> Map<UUID, List<T>> byDocument(List<Part<T>> parts) {
		return parts.stream().collect(Collectors.groupingBy(Part::documentId,
				Collectors.mapping(Part::part, Collectors.toList())));
	}

	private List<Document> load(String where, UUID param) {
		var heads = jdbc.sql("select * from documents_document d where " + where + " order by d.made_at, d.registered_at")
			.param(param).query(Head::map).list();
		if (heads.isEmpty()) {
			return List.of();
		}
		var versions = jdbc.sql("select v.* from documents_version v join documents_document d on d.id = v.document_id "
				+ "where " + where + " order by v.version").param(param)
			.query((rs, row) -> Map.entry(rs.getObject("document_id", UUID.class), version(rs)))
			.list().stream().collect(grouped());
		var confirmations = jdbc.sql("select c.* from documents_confirmation c join documents_document d "
				+ "on d.id = c.document_id where " + where + " order by c.confirmed_at, c.recorded_at").param(param)
			.query((rs, row) -> Map.entry(rs.getObject("document_id", UUID.class), confirmation(rs)))
			.list().stream().collect(grouped());
		var services = jdbc.sql("select s.* from documents_service s join documents_document d on d.id = s.document_id "
				+ "where " + where + " order by s.served_at, s.recorded_at").param(param)
			.query((rs, row) -> Map.entry(rs.getObject("document_id", UUID.class), service(rs)))
			.list().stream().collect(grouped());
		var kindVersions = new java.util.HashMap<String, DocumentKind>();
		return heads.stream().map(h -> new Document(h.id, h.caseId, h.stageId,
				kindVersions.computeIfAbsent(h.kindCode + "#" + h.kindVersion,
						key -> kinds.version(h.kindCode, h.kindVersion).orElseThrow()),
				h.number, h.title, h.madeBy, h.madeAt,
				h.registeredBy, h.registeredAt, versions.getOrDefault(h.id.id(), List.of()),
				confirmations.getOrDefault(h.id.id(), List.of()), services.getOrDefault(h.id.id(), List.of())))
			.toList();
	}

	private static <T> java.util.stream.Collector<Map.Entry<UUID, T>, ?, Map<UUID, List<T>>> grouped() {
		return Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList()));
	}

	private record Head(DocumentId id, CaseId caseId, @Nullable StageId stageId, String kindCode, int kindVersion,
			@Nullable String number, String title, StaffId madeBy, java.time.Instant madeAt, StaffId registeredBy,
			java.time.Instant registeredAt) {

		static Head map(ResultSet rs, int row) throws SQLException {
			var stage = rs.getObject("stage_id", UUID.class);
			return new Head(new DocumentId(rs.getObject("id", UUID.class)),
					new CaseId(rs.getObject("case_id", UUID.class)), stage == null ? null : new StageId(stage),
					rs.getString("kind_code"), rs.getInt("kind_version"), rs.getString("number"), rs.getString("title"),
					new StaffId(rs.getObject("made_by", UUID.class)), time(rs, "made_at"),
					new StaffId(rs.getObject("registered_by", UUID.class)), time(rs, "registered_at"));
		}
	}

	private static DocumentVersion version(ResultSet rs) throws SQLException {
		return new DocumentVersion(rs.getInt("version"),
				new ContentDigest(rs.getString("sha256"), rs.getString("sm3"), rs.getLong("size_bytes")),
				rs.getString("media_type"), rs.getString("file_name"), rs.getInt("page_count"), rs.getString("reason"),
				new StaffId(rs.getObject("changed_by", UUID.class)), time(rs, "changed_at"));
	}

	private static Confirmation confirmation(ResultSet rs) throws SQLException {
		var staff = rs.getObject("staff_id", UUID.class);
		var pages = rs.getString("pages");
		return new Confirmation(rs.getObject("id", UUID.class), rs.getInt("version"),
				ConfirmationKind.valueOf(rs.getString("kind")), SignerRole.valueOf(rs.getString("role")),
				staff == null ? null : new StaffId(staff), rs.getString("name"),
				pages == null ? List.of() : Arrays.stream(pages.split(",")).map(Integer::valueOf).toList(),
				time(rs, "confirmed_at"), rs.getString("witness"), rs.getObject("recording_id", UUID.class),
				rs.getString("note"), new StaffId(rs.getObject("recorded_by", UUID.class)), time(rs, "recorded_at"));
	}

	private static ServiceRecord service(ResultSet rs) throws SQLException {
		var proof = rs.getObject("proof_id", UUID.class);
		return new ServiceRecord(rs.getObject("id", UUID.class), ServiceMethod.valueOf(rs.getString("method")),
				time(rs, "served_at"), time(rs, "deemed_served_at"), new StaffId(rs.getObject("server_id", UUID.class)),
				rs.getString("recipient"), rs.getString("witness"), rs.getString("place"),
				rs.getObject("recording_id", UUID.class), proof == null ? null : new DocumentId(proof),
				new StaffId(rs.getObject("recorded_by", UUID.class)), time(rs, "recorded_at"));
	}

	private static java.time.Instant time(ResultSet rs, String column) throws SQLException {
		return instant(rs.getObject(column, OffsetDateTime.class));
	}
}
