package org.lawtrace.compliance;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lawtrace.compliance.CaseFacts.DocumentFacts;
import org.lawtrace.compliance.CaseFacts.ServiceFacts;
import org.lawtrace.compliance.CaseFacts.StageFacts;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.springframework.stereotype.Component;

/**
 * A batch's text records from the documents module, read once for the whole batch
 * ({@link DocumentCatalog#ofCasesBetween}). Whether a version is effective is that module's rule
 * ({@link Document#missing}); this class only supplies what it needs from the case, as
 * {@code DocumentCatalog.ofCase} does: the handlers present at the document's stage must sign as officers, everyone
 * present as participants.
 */
@Component
class TextRecords {

	private final DocumentCatalog catalog;

	TextRecords(DocumentCatalog catalog) {
		this.catalog = catalog;
	}

	List<CaseFacts> attach(List<CaseFacts> facts, UUID first, UUID last) {
		return attach(facts, catalog.ofCasesBetween(new CaseId(first), new CaseId(last)).stream()
			.collect(Collectors.groupingBy(d -> d.caseId().id())));
	}

	/** Every case's documents sorted by case id, to walk beside the cases in a full run ({@link DocumentCatalog#ofAllCases}). */
	Stream<Document> all() {
		return catalog.ofAllCases();
	}

	/** The facts with each case's text records from documents already read, by case id. */
	List<CaseFacts> attach(List<CaseFacts> facts, Map<UUID, List<Document>> byCase) {
		if (byCase.isEmpty()) {
			return facts;
		}
		return facts.stream().map(c -> {
			var documents = byCase.get(c.id().id());
			return documents == null ? c : c.withDocuments(documents.stream().map(d -> facts(c, d)).toList());
		}).toList();
	}

	private static DocumentFacts facts(CaseFacts c, Document d) {
		var stage = c.stages().stream().filter(s -> s.id().equals(d.stageId())).findFirst();
		List<StaffId> present = stage.map(StageFacts::present).orElse(List.of());
		var officers = present.stream().filter(c.handlers()::contains).toList();
		var version = d.current().number();
		var missing = d.missing(version, officers, present);
		return new DocumentFacts(d.id().id(), d.kind().code(), d.kind().direction(), d.stageId(), d.madeBy(),
				d.madeAt(), version, missing.isEmpty(), missing,
				d.services().stream().map(s -> new ServiceFacts(s.id(), s.method(), s.servedAt(), s.recordingId()))
					.toList(),
				// the kind's name in both languages, "中文 (english)": a page shows its own (PageText)
				d.kind().chineseName() + " (" + d.kind().englishName() + ")");
	}

}
