package org.lawtrace.shared.web;

import java.util.List;
import java.util.function.Predicate;

import org.lawtrace.shared.DomainException;

/**
 * Every reason a form was refused, shown all at once: each beside the field it names, and those about no field of
 * the form above it ({@code forms.html}: {@code fieldErrors}, {@code formErrors}), in the page's language only, as
 * {@link FormError} says. A form that shows one refusal at a time uses {@link FormError}.
 */
public record FormErrors(List<FormError> all) {

	public FormErrors {
		all = List.copyOf(all);
	}

	/** The refusals; a field the form does not have ({@code onForm} false) is shown above the form. */
	public static FormErrors of(List<? extends DomainException> problems, Predicate<String> onForm) {
		return new FormErrors(problems.stream()
			.map(e -> new FormError(e.field() != null && onForm.test(e.field()) ? e.field() : null,
					String.valueOf(e.getMessage())))
			.distinct()
			.toList());
	}

	public static FormErrors none() {
		return new FormErrors(List.of());
	}

	public boolean any() {
		return !all.isEmpty();
	}

	public boolean on(String field) {
		return all.stream().anyMatch(e -> e.on(field));
	}

	/** What is wrong with the field, each reason once. */
	public List<String> messages(String field) {
		return all.stream().filter(e -> e.on(field)).map(FormError::message).toList();
	}

	/** The reasons about no field of the form. */
	public List<String> general() {
		return all.stream().filter(e -> e.field() == null).map(FormError::message).toList();
	}
}
