package org.lawtrace.documents.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.documents.RegisterDocument;
import org.lawtrace.shared.BureauTime;

/** The register-a-document form as typed, kept to show it again beside the reason it was refused. */
record RegisterForm(@Nullable UUID caseId, @Nullable String kind, @Nullable UUID stageId, @Nullable String number,
		@Nullable String title, @Nullable String madeAt) {

	RegisterForm(UUID caseId, @Nullable UUID stageId) {
		this(caseId, null, stageId, null, null, null);
	}

	static RegisterForm of(FormParts form) {
		return new RegisterForm(FormValues.uuid(form.text("caseId"), "caseId"), form.text("kind"),
				FormValues.uuid(form.text("stageId"), "stageId"), form.text("number"), form.text("title"),
				form.text("madeAt"));
	}

	RegisterDocument toCommand(BureauTime time) {
		var made = FormValues.localTime(madeAt);
		return new RegisterDocument(kind == null ? "" : kind, caseId, stageId, number, title == null ? "" : title, null,
				made == null ? null : made.atZone(time.zone()).toInstant());
	}
}
