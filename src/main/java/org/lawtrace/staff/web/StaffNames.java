package org.lawtrace.staff.web;


import org.jspecify.annotations.Nullable;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * People as pages name them (the brief: "people by name", never by login name): a template shows
 * {@code ${@staffNames.of(person.username)}}. Where two staff members share a name, their staff numbers (工号) tell
 * them apart: 张伟（工号 DY0101）.
 */
@Component("staffNames")
public class StaffNames {

	private final StaffDirectory directory;
	private final MessageSource messages;

	StaffNames(StaffDirectory directory, MessageSource messages) {
		this.directory = directory;
		this.messages = messages;
	}

	/** The name of the staff member with this login name, with their staff number if another has the same name. */
	public String of(@Nullable String username) {
		if (username == null) {
			return "";
		}
		var member = directory.byUsername(username).orElse(null);
		if (member == null) {
			return messages.getMessage("staff.unknown", null, "?", LocaleContextHolder.getLocale());
		}
		var shared = sharedNames().contains(member.name());
		return shared ? messages.getMessage("staff.sameName", new Object[] { member.name(), member.staffNumber() },
				LocaleContextHolder.getLocale()) : member.name();
	}

	/**
	 * The names more than one staff member bears, read once per request: a page naming thirty people (a drop-down
	 * of signers) would otherwise read the whole staff list thirty times.
	 */
	private java.util.Set<String> sharedNames() {
		var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		var key = StaffNames.class.getName() + ".sharedNames";
		if (request != null && request.getAttribute(key,
				org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST) instanceof java.util.Set<?> cached) {
			@SuppressWarnings("unchecked")
			var names = (java.util.Set<String>) cached;
			return names;
		}
		var counts = directory.all().stream()
			.collect(java.util.stream.Collectors.groupingBy(m -> m.name(), java.util.stream.Collectors.counting()));
		var names = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		if (request != null) {
			request.setAttribute(key, names, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
		}
		return names;
	}
}
