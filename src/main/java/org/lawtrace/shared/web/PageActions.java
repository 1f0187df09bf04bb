package org.lawtrace.shared.web;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form action before its redirect (post, redirect, get): on success the message key of what was done is
 * flashed as {@code done}; on a refusal its reason, in the page's language ({@link PageText}), is flashed as
 * {@code error}, so the page it goes back to says why. The caller chooses where to redirect.
 */
public final class PageActions {

	private PageActions() {
	}

	/**
	 * Runs {@code action}.
	 *
	 * @param done the message key to flash on success, or {@literal null} for none.
	 * @return whether it succeeded; a refusal ({@link DomainException}) is flashed, anything else propagates.
	 */
	public static boolean attempt(RedirectAttributes redirect, @Nullable String done, Runnable action) {
		try {
			action.run();
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", PageText.forPage(e.getMessage()));
			return false;
		}
		if (done != null) {
			redirect.addFlashAttribute("done", done);
		}
		return true;
	}
}
