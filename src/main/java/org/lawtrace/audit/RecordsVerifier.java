package org.lawtrace.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.documents.DocumentFacts;
import org.lawtrace.documents.DocumentId;
import org.lawtrace.documents.DocumentOutlines;
import org.lawtrace.recordings.RecordingFacts;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingOutlines;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.shared.IntegrityAlarm;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the record tables against the audit log (ART-22, issue 12, finding 5): for every recording and document it
 * recomputes from the log's entries its digests, size, recorder and case links, version by version, and names every
 * row that differs: a recording moved to another case by SQL, two recordings' digests swapped, a document version's
 * digest edited, a row the log never recorded or one the log recorded that is gone. A fact older entries do not state
 * is counted as not provable rather than failed.
 * <p>
 * Reads both sides page by page in id order ({@value #PAGE} records and their entries at a time), so memory stays flat
 * however large the bureau. A row found to differ is read again with its entries before it is named: entries are
 * appended in the transaction that changes the row, so a change committed between the two reads is not mistaken.
 */
@Service
public class RecordsVerifier {

	static final int PAGE = 500;
	static final int MAX_LISTED = 10_000;
	/** Sequence numbers read at a time when the log is walked for the records it says were made. */
	static final long LOG_WINDOW = 2_000;
	private static final String RECORDING = "RECORDING";
	private static final String DOCUMENT = "DOCUMENT";
	private static final String SUCCESS = "SUCCESS";
	private static final String NO_ENTRY = "no entry";
	private static final String NO_ROW = "no row";

	private final AuditEntries entries;
	private final RecordingOutlines recordings;
	private final DocumentOutlines documents;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final AuditLog log;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;

	RecordsVerifier(AuditEntries entries, RecordingOutlines recordings, DocumentOutlines documents,
			StaffDirectory staff, BureauTime time, AuditLog log, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.log = log;
		this.events = events;
		this.transactions = transactions;
		this.entries = entries;
		this.recordings = recordings;
		this.documents = documents;
		this.staff = staff;
		this.time = time;
	}

	/**
	 * Checks every recording and document now, as {@code actor} asked (or {@code system} on schedule), and acts on
	 * what it found: an {@link IntegrityAlarm} ({@code RECORD_DIFFERS_FROM_LOG}) for each record that differs, for the
	 * custodian and the discipline unit, and a RECORDS_VERIFIED entry in the log, in one transaction.
	 */
	public RecordsVerification verifyAndAlert(String actor) {
		var result = verify();
		var bySubject = new java.util.LinkedHashMap<String, List<RecordsVerification.Difference>>();
		result.differences().forEach(d -> bySubject.computeIfAbsent(d.subjectType() + " " + d.subjectId(),
				k -> new ArrayList<>()).add(d));
		transactions.executeWithoutResult(status -> {
			bySubject.values().forEach(found -> events.publishEvent(new IntegrityAlarm("RECORD_DIFFERS_FROM_LOG",
					found.get(0).subjectType(), found.get(0).subjectId(), "记录与审计日志不符 (the row differs from the "
							+ "audit log): " + found.stream().map(d -> d.field() + ": log says " + d.logSays()
								+ ", table says " + d.tableSays()).collect(Collectors.joining("; ")))));
			log.appendWithin(actor, "RECORDS_VERIFIED", "AUDIT_LOG", "records", SUCCESS, "recordings="
					+ result.recordingsChecked() + " documents=" + result.documentsChecked() + " differing="
					+ result.differingRecords() + " differences=" + result.differencesTotal());
		});
		return result;
	}

	/** Checks every recording and document now, and only reports: what {@code verify-records} runs. */
	public RecordsVerification verify() {
		var run = new Run(time.now());
		RecordingId afterRecording = null;
		for (var page = recordings.facts(null, PAGE); !page.isEmpty(); page = recordings.facts(afterRecording, PAGE)) {
			run.recordings += page.size();
			checkRecordings(page, run);
			afterRecording = page.get(page.size() - 1).id();
		}
		DocumentId afterDocument = null;
		for (var page = documents.facts(null, PAGE); !page.isEmpty(); page = documents.facts(afterDocument, PAGE)) {
			run.documents += page.size();
			checkDocuments(page, run);
			afterDocument = page.get(page.size() - 1).id();
		}
		rowsTheLogRecorded(RECORDING, "UPLOAD", ids -> recordings.factsOf(recordingIds(ids)).stream()
			.map(f -> f.id().toString()).toList(), run);
		rowsTheLogRecorded(DOCUMENT, "DOCUMENT_REGISTERED", ids -> documents.factsOf(documentIds(ids)).stream()
			.map(f -> f.id().toString()).toList(), run);
		return run.result(time.now());
	}

	/**
	 * Checks only these records' rows against the log, as archiving's authenticity check asks of one case's file
	 * (DA/T 70-2018 真实性); reports the differences, raises nothing.
	 */
	public List<RecordsVerification.Difference> verifyOnly(Collection<RecordingId> recordingIds,
			Collection<DocumentId> documentIds) {
		var found = new Tally();
		if (!recordingIds.isEmpty()) {
			compareRecordings(recordings.factsOf(recordingIds), found);
		}
		if (!documentIds.isEmpty()) {
			compareDocuments(documents.factsOf(documentIds), found);
		}
		return List.copyOf(found.differences);
	}

	private void checkRecordings(List<RecordingFacts> page, Run run) {
		var found = compareRecordings(page, new Tally());
		if (!found.differences.isEmpty()) {
			var named = subjects(found.differences);
			var again = compareRecordings(recordings.factsOf(recordingIds(named)), new Tally());
			found.replaceDifferences(again, named);
		}
		run.add(found);
	}

	private Tally compareRecordings(List<RecordingFacts> rows, Tally tally) {
		var ids = rows.stream().map(r -> r.id().toString()).toList();
		var bySubject = grouped(entries.aboutAll(RECORDING, ids));
		for (var row : rows) {
			compare(row, bySubject.getOrDefault(row.id().toString(), List.of()), tally);
		}
		return tally;
	}

	private void checkDocuments(List<DocumentFacts> page, Run run) {
		var found = compareDocuments(page, new Tally());
		if (!found.differences.isEmpty()) {
			var named = subjects(found.differences);
			var again = compareDocuments(documents.factsOf(documentIds(named)), new Tally());
			found.replaceDifferences(again, named);
		}
		run.add(found);
	}

	private Tally compareDocuments(List<DocumentFacts> rows, Tally tally) {
		var ids = rows.stream().map(r -> r.id().toString()).toList();
		var bySubject = grouped(entries.aboutAll(DOCUMENT, ids));
		for (var row : rows) {
			compare(row, bySubject.getOrDefault(row.id().toString(), List.of()), tally);
		}
		return tally;
	}

	/** A recording's rows against its UPLOAD, SM3_RECORDED and REVISION entries. */
	private void compare(RecordingFacts row, List<AuditEntry> log, Tally tally) {
		var id = row.id().toString();
		var upload = log.stream().filter(e -> e.action().equals("UPLOAD")).findFirst().orElse(null);
		if (upload == null) {
			tally.differs(RECORDING, id, "row", "no UPLOAD entry", "a recording (sha256 " + row.sha256() + ")");
			return;
		}
		var uploaded = EntryDetails.of(upload.detail());
		same(tally, RECORDING, id, "sha256", uploaded.get("sha256"), row.sha256());
		same(tally, RECORDING, id, "size", text(uploaded.number("size")), String.valueOf(row.sizeBytes()));
		var sm3 = log.stream().filter(e -> e.action().equals("SM3_RECORDED")).reduce((a, b) -> b)
			.map(e -> EntryDetails.of(e.detail()).get("sm3")).orElse(null);
		if (sm3 != null) {
			same(tally, RECORDING, id, "sm3", sm3, row.sm3() == null ? "none" : row.sm3());
		}
		else if (row.sm3() != null) {
			tally.notProvable("RECORDING sm3");
		}
		var logged = new TreeMap<Integer, LoggedRevision>();
		logged.put(1, new LoggedRevision(uploaded.get("case"), recorder(uploaded)));
		log.stream().filter(e -> e.action().equals("REVISION") && e.outcome().equals(SUCCESS)).forEach(e -> {
			var d = EntryDetails.of(e.detail());
			var version = d.number("version");
			if (version != null) {
				var c = d.get("case");
				logged.put(version.intValue(), new LoggedRevision("-".equals(c) ? null : c, recorder(d)));
			}
		});
		var inTable = new TreeMap<Integer, RecordingFacts.RevisionFacts>();
		row.revisions().forEach(r -> inTable.put(r.version(), r));
		for (var version : union(logged.keySet(), inTable.keySet())) {
			var l = logged.get(version);
			var t = inTable.get(version);
			if (l == null) {
				tally.differs(RECORDING, id, "revision@v" + version, NO_ENTRY,
						"case " + caseText(t.caseId()) + ", recorded by " + person(t.recordedBy()));
				continue;
			}
			if (t == null) {
				tally.differs(RECORDING, id, "revision@v" + version,
						"case " + (l.caseId() == null ? "none" : l.caseId()), NO_ROW);
				continue;
			}
			same(tally, RECORDING, id, "case@v" + version, l.caseId() == null ? "none" : l.caseId(),
					caseText(t.caseId()));
			if (l.recordedBy() == null) {
				tally.notProvable("RECORDING recordedBy");
			}
			else {
				same(tally, RECORDING, id, "recordedBy@v" + version, person(l.recordedBy()), person(t.recordedBy()));
			}
		}
		var current = row.revisions().stream().filter(RecordingFacts.RevisionFacts::current).map(r -> r.version())
			.toList();
		var latest = logged.lastKey();
		if (!current.equals(List.of(latest))) {
			tally.differs(RECORDING, id, "current", "v" + latest, current.isEmpty() ? "none"
					: current.stream().map(v -> "v" + v).collect(Collectors.joining(",")));
		}
	}

	/** A document's rows against its DOCUMENT_REGISTERED and DOCUMENT_CHANGED entries. */
	private void compare(DocumentFacts row, List<AuditEntry> log, Tally tally) {
		var id = row.id().toString();
		var registered = log.stream().filter(e -> e.action().equals("DOCUMENT_REGISTERED")).findFirst().orElse(null);
		if (registered == null) {
			tally.differs(DOCUMENT, id, "row", "no DOCUMENT_REGISTERED entry", "a document of case " + row.caseId());
			return;
		}
		same(tally, DOCUMENT, id, "case", EntryDetails.of(registered.detail()).get("case"), row.caseId().toString());
		var logged = new TreeMap<Integer, EntryDetails>();
		logged.put(1, EntryDetails.fromLast(registered.detail(), "sha256"));
		log.stream().filter(e -> e.action().equals("DOCUMENT_CHANGED") && e.outcome().equals(SUCCESS)).forEach(e -> {
			var d = EntryDetails.of(e.detail());
			var version = d.number("version");
			if (version != null) {
				logged.put(version.intValue(), d);
			}
		});
		var inTable = new TreeMap<Integer, DocumentFacts.VersionFacts>();
		row.versions().forEach(v -> inTable.put(v.version(), v));
		for (var version : union(logged.keySet(), inTable.keySet())) {
			var l = logged.get(version);
			var t = inTable.get(version);
			if (l == null) {
				tally.differs(DOCUMENT, id, "version@v" + version, NO_ENTRY, "sha256 " + t.sha256());
				continue;
			}
			if (t == null) {
				tally.differs(DOCUMENT, id, "version@v" + version, "sha256 " + l.get("sha256"), NO_ROW);
				continue;
			}
			same(tally, DOCUMENT, id, "sha256@v" + version, l.get("sha256"), t.sha256());
			if (l.number("size") == null) {
				tally.notProvable("DOCUMENT size");
			}
			else {
				same(tally, DOCUMENT, id, "size@v" + version, text(l.number("size")), String.valueOf(t.sizeBytes()));
			}
			if (l.get("sm3") == null) {
				tally.notProvable("DOCUMENT sm3");
			}
			else {
				same(tally, DOCUMENT, id, "sm3@v" + version, l.get("sm3"), t.sm3() == null ? "none" : t.sm3());
			}
		}
	}

	/**
	 * The other direction: every record the log says was created must still have its row. Reads that action's
	 * entries page by page and asks the owning module which of them exist.
	 */
	private void rowsTheLogRecorded(String subjectType, String action,
			Function<Collection<String>, List<String>> existing, Run run) {
		var end = entries.nextSeq();
		for (var after = -1L; after < end - 1; after += LOG_WINDOW) {
			var page = entries.ofAction(subjectType, action, after, after + LOG_WINDOW);
			var ids = page.stream().filter(e -> e.outcome().equals(SUCCESS)).map(AuditEntry::subjectId)
				.filter(RecordsVerifier::isUuid).collect(Collectors.toCollection(LinkedHashSet::new));
			if (ids.isEmpty()) {
				continue;
			}
			var present = new java.util.HashSet<>(existing.apply(ids));
			var tally = new Tally();
			for (var id : ids) {
				if (!present.contains(id)) {
					tally.differs(subjectType, id, "row", action + " entry", NO_ROW);
				}
			}
			run.add(tally);
		}
	}

	private record LoggedRevision(@Nullable String caseId, @Nullable StaffId recordedBy) {
	}

	/** The recorder an UPLOAD or REVISION entry names: its staff id, or for older UPLOAD entries the username. */
	private @Nullable StaffId recorder(EntryDetails d) {
		var id = d.get("recordedById");
		if (id != null && isUuid(id)) {
			return new StaffId(java.util.UUID.fromString(id));
		}
		var username = d.get("recordedBy");
		return username == null ? null : staff.byUsername(username).map(StaffMember::id).orElse(null);
	}

	private String person(StaffId id) {
		return staff.byId(id).map(m -> m.username() + " (" + id.id() + ")").orElse(id.id().toString());
	}

	private static void same(Tally tally, String type, String id, String field, @Nullable String logSays,
			String tableSays) {
		if (logSays == null) {
			tally.notProvable(type + " " + field.replaceAll("@v\\d+$", ""));
		}
		else if (!logSays.equals(tableSays)) {
			tally.differs(type, id, field, logSays, tableSays);
		}
	}

	private static String caseText(@Nullable Object caseId) {
		return caseId == null ? "none" : caseId.toString();
	}

	private static @Nullable String text(@Nullable Long n) {
		return n == null ? null : n.toString();
	}

	private static java.util.SortedSet<Integer> union(java.util.Set<Integer> a, java.util.Set<Integer> b) {
		var all = new java.util.TreeSet<Integer>(a);
		all.addAll(b);
		return all;
	}

	private static List<RecordingId> recordingIds(Collection<String> ids) {
		return ids.stream().map(id -> RecordingId.of(java.util.UUID.fromString(id))).toList();
	}

	private static List<DocumentId> documentIds(Collection<String> ids) {
		return ids.stream().map(id -> new DocumentId(java.util.UUID.fromString(id))).toList();
	}

	private static boolean isUuid(String s) {
		try {
			java.util.UUID.fromString(s);
			return s.length() == 36;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static Map<String, List<AuditEntry>> grouped(List<AuditEntry> found) {
		var by = new HashMap<String, List<AuditEntry>>();
		found.forEach(e -> by.computeIfAbsent(e.subjectId(), k -> new ArrayList<>()).add(e));
		return by;
	}

	private static java.util.Set<String> subjects(List<RecordsVerification.Difference> differences) {
		return differences.stream().map(RecordsVerification.Difference::subjectId).collect(Collectors.toSet());
	}

	/** What one page found. */
	private static final class Tally {

		final List<RecordsVerification.Difference> differences = new ArrayList<>();
		final Map<String, Long> notProvable = new HashMap<>();

		void differs(String type, String id, String field, String logSays, String tableSays) {
			differences.add(new RecordsVerification.Difference(type, id, field, logSays, tableSays));
		}

		void notProvable(String fact) {
			notProvable.merge(fact, 1L, Long::sum);
		}

		/** The differences a second reading of the same rows found, in place of the first reading's. */
		void replaceDifferences(Tally again, java.util.Set<String> subjects) {
			differences.clear();
			again.differences.stream().filter(d -> subjects.contains(d.subjectId())).forEach(differences::add);
		}
	}

	/** The whole check's running totals: counts and the first differences, never the rows themselves. */
	private static final class Run {

		final java.time.Instant startedAt;
		long recordings;
		long documents;
		long differencesTotal;
		final java.util.Set<String> differing = new java.util.HashSet<>();
		final List<RecordsVerification.Difference> listed = new ArrayList<>();
		final Map<String, Long> notProvable = new TreeMap<>();

		Run(java.time.Instant startedAt) {
			this.startedAt = startedAt;
		}

		void add(Tally tally) {
			for (var d : tally.differences) {
				differencesTotal++;
				differing.add(d.subjectType() + " " + d.subjectId());
				if (listed.size() < MAX_LISTED) {
					listed.add(d);
				}
			}
			notProvable(tally);
		}

		void notProvable(Tally tally) {
			tally.notProvable.forEach((k, v) -> notProvable.merge(k, v, Long::sum));
		}

		RecordsVerification result(java.time.Instant finishedAt) {
			return new RecordsVerification(startedAt, finishedAt, recordings, documents, differing.size(),
					differencesTotal, listed, notProvable);
		}
	}
}
