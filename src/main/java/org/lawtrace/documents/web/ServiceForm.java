package org.lawtrace.documents.web;

import org.jspecify.annotations.Nullable;
import org.lawtrace.documents.RecordService;
import org.lawtrace.documents.ServiceMethod;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;

/** The record-a-service form of a document's page. */
class ServiceForm {

	private @Nullable ServiceMethod method;
	private @Nullable String servedAt;
	private @Nullable String server;
	private @Nullable String recipient;
	private @Nullable String witness;
	private @Nullable String place;
	private @Nullable String recordingId;
	private @Nullable String proofId;

	RecordService toCommand(BureauTime time) {
		if (method == null) {
			throw new InvalidInput("method", "请选择送达方式 (choose the method of service)");
		}
		var at = FormValues.localTime(servedAt);
		return new RecordService(method, at == null ? null : at.atZone(time.zone()).toInstant(), server, recipient,
				witness, place, FormValues.uuid(recordingId, "recordingId"),
				FormValues.uuid(proofId, "proofId"));
	}

	public @Nullable ServiceMethod getMethod() {
		return method;
	}

	public void setMethod(@Nullable ServiceMethod method) {
		this.method = method;
	}

	public @Nullable String getServedAt() {
		return servedAt;
	}

	public void setServedAt(@Nullable String servedAt) {
		this.servedAt = servedAt;
	}

	public @Nullable String getServer() {
		return server;
	}

	public void setServer(@Nullable String server) {
		this.server = server;
	}

	public @Nullable String getRecipient() {
		return recipient;
	}

	public void setRecipient(@Nullable String recipient) {
		this.recipient = recipient;
	}

	public @Nullable String getWitness() {
		return witness;
	}

	public void setWitness(@Nullable String witness) {
		this.witness = witness;
	}

	public @Nullable String getPlace() {
		return place;
	}

	public void setPlace(@Nullable String place) {
		this.place = place;
	}

	public @Nullable String getRecordingId() {
		return recordingId;
	}

	public void setRecordingId(@Nullable String recordingId) {
		this.recordingId = recordingId;
	}

	public @Nullable String getProofId() {
		return proofId;
	}

	public void setProofId(@Nullable String proofId) {
		this.proofId = proofId;
	}
}
