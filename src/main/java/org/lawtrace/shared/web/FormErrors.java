package org.lawtrace.shared.web;

import java.util.List;
import java.util.Set;

import org.lawtrace.shared.DomainException;

/**
 * Every refusal of a form at once (issue 15: forms show all errors at once), each beside the field it names and the
 * rest above the form ({@code forms :: fieldErrors(name)} and {@code forms :: formErrors}), in the page's language.
 */
public record FormErrors(List<FormError> all) {

	public FormErrors {
		all = List.copyOf(all);
	}

	public static FormErrors none() {
		return new FormErrors(List.of());
	}

	public static FormErrors of(List<? extends DomainException> problems, Set<String> formFields) {
		return new FormErrors(problems.stream().map(e -> FormError.of(e, formFields)).toList());
	}

	public boolean any() {
		return !all.isEmpty();
	}

	public boolean on(String field) {
		return all.stream().anyMatch(e -> e.on(field));
	}

	public List<String> of(String field) {
		return all.stream().filter(e -> e.on(field)).map(FormError::message).toList();
	}

	public List<String> general() {
		return all.stream().filter(e -> e.field() == null).map(FormError::message).toList();
	}
}
