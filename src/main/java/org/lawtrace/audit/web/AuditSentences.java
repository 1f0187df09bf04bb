package org.lawtrace.audit.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditEntry;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentKind;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit log read as sentences (issue 15, ART-21, ART-22): "张伟（执法稽查队） 于 12月5日 15:23 播放了 音像记录
 * DSJ_0001.MP4". Who is named with their unit, never by login name; the time is the bureau's, without a zone; what
 * was done is the message {@code audit.action.<ACTION>} with the thing it was done to and, where the entry keeps them,
 * the stage, case or document kind and the recipient; a refused attempt says so. The log's own fields (action codes,
 * subject ids, key=value details) stay in the log and its API; pages and the Excel export show these sentences.
 */
@Component
class AuditSentences {

	private static final Pattern FACT = Pattern.compile("(\\w+)=(\\S+)");

	private final MessageSource messages;
	private final StaffDirectory staff;
	private final CaseManagement cases;
	private final DocumentCatalog documents;
	private final BureauTime time;

	AuditSentences(MessageSource messages, StaffDirectory staff, CaseManagement cases, DocumentCatalog documents,
			BureauTime time) {
		this.messages = messages;
		this.staff = staff;
		this.cases = cases;
		this.documents = documents;
		this.time = time;
	}

	/**
	 * One entry as a reader sees it: {@code who} did {@code what} {@code when}, and the kind of thing it was for the
	 * page's filter; {@code actor} and {@code seq} are for filtering and linking, never shown.
	 */
	record Line(long seq, LocalDateTime at, String actor, String who, String when, String what, boolean refused,
			String category, String sentence, @Nullable String custodyType, @Nullable String custodyId) {
	}

	/** The kinds of event a trail can be narrowed to, in the order the filter offers them. */
	static final List<String> CATEGORIES = List.of("view", "case", "recording", "document", "bookmark", "access",
			"package", "refused", "other");

	/**
	 * The entries as sentences. {@code recordingNames} names the recordings the reader may see (their file names);
	 * other recordings are called "an AV record".
	 */
	List<Line> of(List<AuditEntry> entries, Map<String, String> recordingNames) {
		var locale = LocaleContextHolder.getLocale();
		var english = "en".equals(locale.getLanguage());
		var people = new HashMap<String, String>();
		var caseNumbers = new HashMap<String, String>();
		var kindNames = new HashMap<String, String>();
		for (DocumentKind k : documents.kinds()) {
			kindNames.put(k.code(), english ? k.englishName() : k.chineseName());
		}
		// a document is named by its kind, which its registration entry keeps
		var documentKinds = new HashMap<String, String>();
		for (var e : entries) {
			if (e.subjectType().equals("DOCUMENT") && e.action().equals("DOCUMENT_REGISTERED")) {
				var kind = facts(e.detail()).get("kind");
				if (kind != null && kindNames.containsKey(kind)) {
					documentKinds.put(e.subjectId(), kindNames.get(kind));
				}
			}
		}
		var thisYear = time.today().getYear();
		var dayAndTime = DateTimeFormatter.ofPattern(message("audit.when", locale), locale);
		var fullDate = DateTimeFormatter.ofPattern(message("audit.when.year", locale), locale);
		return entries.stream().map(e -> {
			var at = time.local(e.at()).toLocalDateTime();
			var who = people.computeIfAbsent(e.actor(), a -> person(a, locale));
			var when = (at.getYear() == thisYear ? dayAndTime : fullDate).format(at);
			var facts = facts(e.detail());
			var object = object(e, recordingNames, documentKinds, caseNumbers, locale);
			var kind = kindOf(facts.get("kind"), kindNames, locale);
			var recipient = facts.getOrDefault("recipient", "");
			var what = messages.getMessage("audit.action." + e.action(), new Object[] { object, kind, recipient },
					messages.getMessage("audit.action.other", new Object[] { object }, locale), locale);
			var refused = "REFUSED".equals(e.outcome());
			if (refused) {
				what = message("audit.refused", locale, what);
			}
			var sentence = message("audit.sentence", locale, who, when, what);
			var custody = e.subjectType().equals("RECORDING") || e.subjectType().equals("CASE");
			return new Line(e.seq(), at, e.actor(), who, when, what, refused, category(e), sentence,
					custody ? e.subjectType() : null, custody ? e.subjectId() : null);
		}).toList();
	}

	/** The thing a custody page is about, as its sentences name it: "案件 东市监处〔2026〕101号", "音像记录 DSJ_0001.MP4". */
	String subject(String type, String id, Map<String, String> recordingNames) {
		var entry = new AuditEntry(0, time.now(), "system", "", type, id, "SUCCESS", "", "");
		return object(entry, recordingNames, Map.of(), new HashMap<>(), LocaleContextHolder.getLocale());
	}

	/** A person by name with their unit; the system by that word; an account the directory does not know, unnamed. */
	String person(String username, Locale locale) {
		if (username.equals("system")) {
			return message("audit.system", locale);
		}
		return staff.byUsername(username).map(m -> {
			var unit = staff.unit(m.unitId()).map(u -> "en".equals(locale.getLanguage()) && u.nameEn() != null
					? u.nameEn() : u.name());
			return unit.map(u -> message("audit.person", locale, m.name(), u)).orElse(m.name());
		}).orElseGet(() -> message("audit.unknownPerson", locale));
	}

	private String object(AuditEntry e, Map<String, String> recordingNames, Map<String, String> documentKinds,
			Map<String, String> caseNumbers, Locale locale) {
		return switch (e.subjectType()) {
			case "CASE" -> message("audit.subject.CASE", locale,
					caseNumbers.computeIfAbsent(e.subjectId(), this::caseNumber));
			case "RECORDING" -> recordingNames.containsKey(e.subjectId())
					? message("audit.subject.RECORDING.named", locale, recordingNames.get(e.subjectId()))
					: message("audit.subject.RECORDING", locale);
			case "DOCUMENT" -> documentKinds.containsKey(e.subjectId())
					? message("audit.subject.DOCUMENT.named", locale, documentKinds.get(e.subjectId()))
					: message("audit.subject.DOCUMENT", locale);
			case "STAFF" -> person(e.subjectId(), locale);
			default -> messages.getMessage("audit.subject." + e.subjectType(), null,
					message("audit.subject.other", locale), locale);
		};
	}

	private String caseNumber(String id) {
		try {
			return cases.require(new CaseId(UUID.fromString(id))).caseNumber().value();
		}
		catch (RuntimeException unknown) {
			return "";
		}
	}

	/** A stage, case, bookmark or document kind by its name in the page's language; empty if it is none of these. */
	private String kindOf(@Nullable String kind, Map<String, String> documentKinds, Locale locale) {
		if (kind == null) {
			return "";
		}
		if (documentKinds.containsKey(kind)) {
			return documentKinds.get(kind);
		}
		for (var type : List.of("StageKind", "CaseKind", "BookmarkKind", "RecordingKind")) {
			var name = messages.getMessage("enum." + type + "." + kind, null, null, locale);
			if (name != null) {
				return name;
			}
		}
		return "";
	}

	static String category(AuditEntry e) {
		if ("REFUSED".equals(e.outcome())) {
			return "refused";
		}
		var action = e.action();
		if (action.equals("VIEW") || action.equals("VIEW_METADATA") || action.endsWith("_DOWNLOADED")) {
			return "view";
		}
		if (action.equals("BOOKMARK_SET")) {
			return "bookmark";
		}
		if (action.equals("EXPORT") || e.subjectType().equals("PACKAGE")) {
			return "package";
		}
		return switch (e.subjectType()) {
			case "CASE" -> "case";
			case "RECORDING" -> "recording";
			case "DOCUMENT" -> "document";
			case "ACCESS_REQUEST" -> "access";
			default -> "other";
		};
	}

	/** The {@code key=value} facts an entry keeps. */
	static Map<String, String> facts(String detail) {
		var found = new HashMap<String, String>();
		FACT.matcher(detail).results().forEach(r -> found.putIfAbsent(r.group(1), r.group(2)));
		return found;
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
