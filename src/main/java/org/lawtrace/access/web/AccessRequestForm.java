package org.lawtrace.access.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.access.AccessRequest;
import org.lawtrace.access.NewAccessRequest;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.RecordRef;

/**
 * The request form (申请查阅) as typed: records as {@code recording:<id>} or {@code document:<id>}, the way
 * {@link RecordRef} writes them, since the form carries them in hidden fields and checkboxes.
 */
record AccessRequestForm(@Nullable UUID caseId, AccessRequest.@Nullable Scope scope, @Nullable List<String> records,
		@Nullable String purpose, @Nullable Integer days) {

	static final Set<String> FIELDS = Set.of("scope", "records", "purpose", "days");
	static final int DEFAULT_DAYS = 7;

	static AccessRequestForm blank(@Nullable UUID caseId, @Nullable String record) {
		return record == null ? new AccessRequestForm(caseId, AccessRequest.Scope.CASE, List.of(), null, DEFAULT_DAYS)
				: new AccessRequestForm(caseId, AccessRequest.Scope.RECORDS, List.of(record), null, DEFAULT_DAYS);
	}

	public List<String> chosen() {
		return records == null ? List.of() : records;
	}

	NewAccessRequest toCommand() {
		var refs = new ArrayList<RecordRef>();
		if (scope == AccessRequest.Scope.RECORDS) {
			for (var i = 0; i < chosen().size(); i++) {
				refs.add(parse(chosen().get(i), i));
			}
		}
		return new NewAccessRequest(caseId, scope, refs, purpose, days);
	}

	static RecordRef parse(String text, int index) {
		var colon = text.indexOf(':');
		try {
			var kind = RecordRef.Kind.valueOf(text.substring(0, Math.max(colon, 0)).toUpperCase(java.util.Locale.ROOT));
			return new RecordRef(kind, UUID.fromString(text.substring(colon + 1)));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("records[" + index + "]", "记录标识无效 (not a record reference)");
		}
	}
}
