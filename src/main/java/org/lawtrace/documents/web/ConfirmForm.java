package org.lawtrace.documents.web;

import org.jspecify.annotations.Nullable;
import org.lawtrace.documents.ConfirmationKind;
import org.lawtrace.documents.RecordConfirmation;
import org.lawtrace.documents.SignerRole;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;

/** The record-a-signature form of a document's page; pages are typed like {@code 1-3,5}. */
class ConfirmForm {

	private @Nullable ConfirmationKind kind = ConfirmationKind.SIGNATURE;
	private @Nullable SignerRole role;
	private @Nullable String signer;
	private @Nullable String name;
	private @Nullable String pages;
	private @Nullable String confirmedAt;
	private @Nullable String witness;
	private @Nullable String recordingId;
	private @Nullable String note;

	RecordConfirmation toCommand(BureauTime time) {
		if (kind == null) {
			throw new InvalidInput("kind", "请选择签名、盖章或拒签 (choose signature, seal or refusal)");
		}
		var at = FormValues.localTime(confirmedAt);
		return new RecordConfirmation(kind, role, signer, name, FormValues.pages(pages, "pages"), null,
				at == null ? null : at.atZone(time.zone()).toInstant(), witness,
				FormValues.uuid(recordingId, "recordingId"), note);
	}

	public @Nullable ConfirmationKind getKind() {
		return kind;
	}

	public void setKind(@Nullable ConfirmationKind kind) {
		this.kind = kind;
	}

	public @Nullable SignerRole getRole() {
		return role;
	}

	public void setRole(@Nullable SignerRole role) {
		this.role = role;
	}

	public @Nullable String getSigner() {
		return signer;
	}

	public void setSigner(@Nullable String signer) {
		this.signer = signer;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getPages() {
		return pages;
	}

	public void setPages(@Nullable String pages) {
		this.pages = pages;
	}

	public @Nullable String getConfirmedAt() {
		return confirmedAt;
	}

	public void setConfirmedAt(@Nullable String confirmedAt) {
		this.confirmedAt = confirmedAt;
	}

	public @Nullable String getWitness() {
		return witness;
	}

	public void setWitness(@Nullable String witness) {
		this.witness = witness;
	}

	public @Nullable String getRecordingId() {
		return recordingId;
	}

	public void setRecordingId(@Nullable String recordingId) {
		this.recordingId = recordingId;
	}

	public @Nullable String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}
}
