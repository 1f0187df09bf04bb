package org.lawtrace.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What htmx tells the server about a request it makes. */
public final class Htmx {

	private Htmx() {
	}

	/**
	 * Whether htmx made the request, and so wants just the fragment it swaps in. (History restores never ask for a
	 * fragment: the layout turns htmx's history cache off, so going back reloads the whole page.)
	 */
	public static boolean wantsFragment(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	/**
	 * The event a page part answers with when it changed a case (a stage recorded): the case page's other parts,
	 * loaded from other modules, listen for it ({@code hx-trigger="caseChanged from:body"}) and load themselves again.
	 */
	public static final String CASE_CHANGED = "caseChanged";

	/** Has htmx raise {@code event} on the page once this answer is swapped in. */
	public static void trigger(HttpServletResponse response, String event) {
		response.setHeader("HX-Trigger", event);
	}
}
