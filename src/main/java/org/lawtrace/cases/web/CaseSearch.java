package org.lawtrace.cases.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/** The case list's search form, as the query string carries it; the same parameter names as the REST API. */
record CaseSearch(@Nullable String number, @Nullable String party, @Nullable String handler,
		Case.@Nullable Status status, @Nullable CaseKind kind,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Integer page) {

	static final int PAGE_SIZE = 20;

	CaseQuery query() {
		return new CaseQuery(number, party, handler, from, to, status, kind, currentPage(), PAGE_SIZE);
	}

	int currentPage() {
		return page == null || page < 0 ? 0 : page;
	}

	/** This search, on another page: what the pager links to. */
	public String pageUrl(int other) {
		var url = UriComponentsBuilder.fromPath("/cases");
		add(url, "number", number);
		add(url, "party", party);
		add(url, "handler", handler);
		add(url, "status", status);
		add(url, "kind", kind);
		add(url, "from", from);
		add(url, "to", to);
		return url.queryParam("page", other).encode().toUriString();
	}

	private static void add(UriComponentsBuilder url, String name, @Nullable Object value) {
		if (value != null && !value.toString().isBlank()) {
			url.queryParam(name, value);
		}
	}
}
