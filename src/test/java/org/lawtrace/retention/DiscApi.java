package org.lawtrace.retention;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The disc register's JSON contract as the tests pin it, independently of the production classes. */
final class DiscApi {

	private DiscApi() {
	}

	record Choice(String kind, String id) {
	}

	record Order(List<Choice> items) {
	}

	record Candidate(String kind, String id, String title, String fileName, long sizeBytes, boolean longTerm) {
	}

	record Marked(String what, String situation, @Nullable String reason, List<String> discLabels) {
	}

	record NewMark(String subjectType, String subjectId, String situation, @Nullable String reason) {
	}

	record Decision(boolean approve, @Nullable String note) {
	}

	record Mark(String id, String status) {
	}

	record Burning(@Nullable LocalDate burnedOn, @Nullable String location) {
	}

	record Path(String path) {
	}

	record Item(int position, String sourceKind, String sourceId, String nameInImage, String sha256, String sm3,
			long sizeBytes) {
	}

	record Check(String id, String checkedBy, @Nullable String imageSha256, @Nullable Boolean imageMatches,
			boolean passed, List<String> findings, String source) {
	}

	record Disc(String id, String label, String sha256, long sizeBytes, String madeBy, @Nullable LocalDate burnedOn,
			@Nullable String burnedBy, @Nullable String location, @Nullable LocalDate lastCheckedOn,
			@Nullable Boolean lastCheckPassed, @Nullable LocalDate recheckDue, boolean recheckDueNow,
			@Nullable List<Item> items, @Nullable List<Check> checks, String image) {
	}

	record AuditEntry(String actor, String action, String subjectType, String subjectId, String outcome,
			String detail) {
	}

	record AuditPage(List<AuditEntry> items) {
	}
}
