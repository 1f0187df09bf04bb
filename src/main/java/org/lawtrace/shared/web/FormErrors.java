package org.lawtrace.shared.web;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.lawtrace.shared.DomainException;

/**
 * Every refusal of a form at once (issue 15: forms show all errors at once), each beside the field it names and the
 * rest above the form ({@code forms :: fieldErrors(name)} and {@code forms :: formErrors}), in the page's language
 * only, as {@link FormError} says. A form that shows one refusal at a time uses {@link FormError}.
 */
public record FormErrors(List<FormError> all) {

	public FormErrors {
		all = List.copyOf(all);
	}

	public static FormErrors none() {
		return new FormErrors(List.of());
	}

	/** The refusals; one naming a field the form does not have is shown above the form. */
	public static FormErrors of(List<? extends DomainException> problems, Set<String> formFields) {
		return of(problems, formFields::contains);
	}

	/** The refusals; a field the form does not have ({@code onForm} false) is shown above the form. */
	public static FormErrors of(List<? extends DomainException> problems, Predicate<String> onForm) {
		return new FormErrors(problems.stream()
			.map(e -> new FormError(e.field() != null && onForm.test(e.field()) ? e.field() : null,
					String.valueOf(e.getMessage())))
			.distinct()
			.toList());
	}

	public boolean any() {
		return !all.isEmpty();
	}

	public boolean on(String field) {
		return all.stream().anyMatch(e -> e.on(field));
	}

	/** What is wrong with the field, each reason once. */
	public List<String> of(String field) {
		return all.stream().filter(e -> e.on(field)).map(FormError::message).toList();
	}

	/** The reasons about no field of the form. */
	public List<String> general() {
		return all.stream().filter(e -> e.field() == null).map(FormError::message).toList();
	}
}
