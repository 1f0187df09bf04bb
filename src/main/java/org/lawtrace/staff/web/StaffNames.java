package org.lawtrace.staff.web;

import java.util.Objects;

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
		var shared = directory.all().stream()
			.anyMatch(other -> !Objects.equals(other.id(), member.id()) && other.name().equals(member.name()));
		return shared ? messages.getMessage("staff.sameName", new Object[] { member.name(), member.staffNumber() },
				LocaleContextHolder.getLocale()) : member.name();
	}
}
