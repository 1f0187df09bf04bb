package org.lawtrace.documents.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.documents.Confirmation;
import org.lawtrace.documents.ConfirmationKind;
import org.lawtrace.documents.ConfirmationRule;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentKind;
import org.lawtrace.documents.DocumentVersion;
import org.lawtrace.documents.ServiceMethod;
import org.lawtrace.documents.ServiceRecord;
import org.lawtrace.documents.SignerRole;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.stereotype.Component;

/** Documents as the API and the pages show them: times in the bureau's zone, people by account and name. */
@Component
class DocumentViews {

	private final DocumentCatalog catalog;
	private final StaffDirectory staff;
	private final BureauTime time;

	DocumentViews(DocumentCatalog catalog, StaffDirectory staff, BureauTime time) {
		this.catalog = catalog;
		this.staff = staff;
		this.time = time;
	}

	record Person(UUID id, String username, String name) {
	}

	record VersionView(int version, String sha256, @Nullable String sm3, long sizeBytes, String mediaType,
			String fileName, int pageCount, @Nullable String reason, Person changedBy, OffsetDateTime changedAt,
			boolean effective, Set<ConfirmationRule> missing) {
	}

	record ConfirmationView(UUID id, int version, ConfirmationKind kind, SignerRole role, @Nullable Person staff,
			String name, List<Integer> pages, OffsetDateTime confirmedAt, @Nullable String witness,
			@Nullable UUID recordingId, @Nullable String note, Person recordedBy) {
	}

	record ServiceView(UUID id, ServiceMethod method, OffsetDateTime servedAt, OffsetDateTime deemedServedAt,
			Person server, @Nullable String recipient, @Nullable String witness, @Nullable String place,
			@Nullable UUID recordingId, @Nullable UUID proofId, Person recordedBy) {
	}

	record DocumentView(UUID id, UUID caseId, @Nullable UUID stageId, DocumentKind kind, @Nullable String number,
			String title, Person madeBy, OffsetDateTime madeAt, Person registeredBy, OffsetDateTime registeredAt,
			int currentVersion, boolean effective, Set<ConfirmationRule> missing, List<VersionView> versions,
			List<ConfirmationView> confirmations, List<ServiceView> services) {
	}

	DocumentView of(Document d) {
		var versions = d.versions().stream().map(v -> version(d, v)).toList();
		var current = versions.get(versions.size() - 1);
		return new DocumentView(d.id().id(), d.caseId().id(), d.stageId() == null ? null : d.stageId().id(), d.kind(),
				d.number(), d.title(), person(d.madeBy()), time.local(d.madeAt()), person(d.registeredBy()),
				time.local(d.registeredAt()), current.version(), current.effective(), current.missing(), versions,
				d.confirmations().stream().map(this::confirmation).toList(),
				d.services().stream().map(this::service).toList());
	}

	private VersionView version(Document d, DocumentVersion v) {
		var missing = catalog.missing(d, v.number());
		return new VersionView(v.number(), v.digest().sha256(), v.digest().sm3(), v.digest().sizeBytes(),
				v.mediaType(), v.fileName(), v.pageCount(), v.reason(), person(v.changedBy()), time.local(v.changedAt()),
				missing.isEmpty(), missing);
	}

	private ConfirmationView confirmation(Confirmation c) {
		return new ConfirmationView(c.id(), c.version(), c.kind(), c.role(),
				c.staffId() == null ? null : person(c.staffId()), c.name(), c.pages(), time.local(c.confirmedAt()),
				c.witness(), c.recordingId(), c.note(), person(c.recordedBy()));
	}

	private ServiceView service(ServiceRecord s) {
		return new ServiceView(s.id(), s.method(), time.local(s.servedAt()), time.local(s.deemedServedAt()),
				person(s.server()), s.recipient(), s.witness(), s.place(), s.recordingId(),
				s.proofId() == null ? null : s.proofId().id(), person(s.recordedBy()));
	}

	Person person(StaffId id) {
		return staff.byId(id).map(DocumentViews::person).orElse(new Person(id.id(), id.toString(), id.toString()));
	}

	private static Person person(StaffMember m) {
		return new Person(m.id().id(), m.username(), m.name());
	}
}
