package org.lawtrace.shared.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.DomainException;

/**
 * Why a form was refused, shown beside the field at fault, or above the form ({@code field} null) when the
 * domain names a field the form does not have. Every module's pages show refusals this way ({@code forms.html}), in
 * the page's language only: the domain's "中文 (english)" refusals lose the other language's part here.
 */
public record FormError(@Nullable String field, String message) {

	/** The message in the page's language only (see {@link PageText}). */
	public FormError {
		message = PageText.forPage(message);
	}

	public static FormError of(DomainException e, Set<String> formFields) {
		var field = e.field() != null && formFields.contains(e.field()) ? e.field() : null;
		return new FormError(field, String.valueOf(e.getMessage()));
	}

	public boolean on(String name) {
		return name.equals(field);
	}
}
