package org.lawtrace.shared.web;

import jakarta.servlet.http.HttpServletRequest;

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
}
