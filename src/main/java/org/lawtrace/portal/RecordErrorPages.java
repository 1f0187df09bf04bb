package org.lawtrace.portal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.staff.Permission;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Issue 15, no dead ends: the error page for a record's own page (a recording's, a document's) that answers 403 or
 * 404 tells whoever may ask for access (ART-20) how to: 申请查阅 with the record filled in. It says the same for a
 * record that exists and one that does not, and names nothing of it but the address's id, so the trust rules'
 * "not even that it exists" holds (issue 6, item 5): the request form resolves the record's case only when the
 * request is made, and the request then goes to a leader.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecordErrorPages implements ErrorViewResolver {

	private static final String UUID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
	private static final Pattern RECORD_PAGE = Pattern.compile("^/(recordings|documents)/" + UUID + "(?:/.*)?$");
	private static final Pattern CASE_FILE = Pattern.compile("^/documents/case-file/" + UUID + "(?:/.*)?$");

	@Override
	public @Nullable ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status,
			Map<String, Object> model) {
		if (status != HttpStatus.NOT_FOUND && status != HttpStatus.FORBIDDEN) {
			return null;
		}
		var path = model.get("path") instanceof String p ? p.substring(request.getContextPath().length()) : "";
		var caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || !Permission.REQUEST_ACCESS.grantedTo(caller)) {
			return null;
		}
		var caseFile = CASE_FILE.matcher(path);
		if (caseFile.matches()) {
			// a case's existence is no secret (its number is on every list); its file needs the whole case opened
			return page(model, status, "caseFile", "/access/requests/new?caseId=" + lower(caseFile.group(1)));
		}
		var record = RECORD_PAGE.matcher(path);
		if (!record.matches()) {
			return null;
		}
		var kind = record.group(1).equals("recordings") ? "recording" : "document";
		return page(model, status, kind, "/access/requests/new?record=" + kind + ":" + lower(record.group(2)));
	}

	private static ModelAndView page(Map<String, Object> model, HttpStatus status, String kind, String ask) {
		var page = new HashMap<>(model);
		page.put("askAccess", ask);
		page.put("askKind", kind);
		return new ModelAndView("error", page, status);
	}

	private static String lower(String id) {
		return id.toLowerCase(Locale.ROOT);
	}
}
