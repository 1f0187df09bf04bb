package org.lawtrace.recordings.web;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.CaseId;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The recording list's filters, as the query string carries them. People know a case by its number, not its id,
 * so the list takes a case number and finds the case.
 */
record RecordingSearch(@Nullable Boolean unlinked, @Nullable RecordingKind kind, @Nullable String recordedBy,
		@Nullable String caseNumber, @Nullable Integer page) {

	static final int PAGE_SIZE = 20;

	RecordingQuery query(@Nullable CaseId caseId) {
		return new RecordingQuery(caseId, Boolean.TRUE.equals(unlinked) ? true : null, blankToNull(recordedBy), null,
				kind, currentPage(), PAGE_SIZE);
	}

	boolean byCase() {
		return caseNumber != null && !caseNumber.isBlank();
	}

	int currentPage() {
		return page == null || page < 0 ? 0 : page;
	}

	/** This search, on another page: what the pager links to. */
	public String pageUrl(int other) {
		return url(caseNumber).queryParam("page", other).encode().toUriString();
	}

	/** This search, for one of the cases its case number matched. */
	public String caseUrl(String number) {
		return url(number).encode().toUriString();
	}

	private UriComponentsBuilder url(@Nullable String number) {
		var url = UriComponentsBuilder.fromPath("/recordings");
		add(url, "unlinked", Boolean.TRUE.equals(unlinked) ? true : null);
		add(url, "kind", kind);
		add(url, "recordedBy", recordedBy);
		add(url, "caseNumber", number);
		return url;
	}

	private static void add(UriComponentsBuilder url, String name, @Nullable Object value) {
		if (value != null && !value.toString().isBlank()) {
			url.queryParam(name, value);
		}
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
