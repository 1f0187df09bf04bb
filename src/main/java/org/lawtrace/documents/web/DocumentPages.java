package org.lawtrace.documents.web;

import org.lawtrace.shared.web.Htmx;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What the documents' pages share: how a form posted by htmx moves on, and the page's language. */
final class DocumentPages {

	private DocumentPages() {
	}

	static String redirect(HttpServletRequest request, HttpServletResponse response, String to) {
		if (Htmx.wantsFragment(request)) {
			response.setHeader("HX-Redirect", request.getContextPath() + to);
			return "documents/new :: empty";
		}
		return "redirect:" + to;
	}

	static boolean english(HttpServletRequest request) {
		var locale = org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
		return "en".equals(locale.getLanguage());
	}
}
