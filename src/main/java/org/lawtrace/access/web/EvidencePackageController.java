package org.lawtrace.access.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.access.EvidencePackage;
import org.lawtrace.access.EvidencePackaging;
import org.lawtrace.access.PackageOrder;
import org.lawtrace.access.PackageRecipientKind;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence packages over REST (ART-18, ART-19): the legal affairs unit makes and downloads them; those who oversee
 * the unit's hand-overs (discipline, the director) may see which were made, for whom, of what.
 */
@RestController
@RequestMapping("/api/v1/evidence-packages")
class EvidencePackageController {

	private final EvidencePackaging packaging;
	private final StaffDirectory staff;
	private final BureauTime time;

	EvidencePackageController(EvidencePackaging packaging, StaffDirectory staff, BureauTime time) {
		this.packaging = packaging;
		this.staff = staff;
		this.time = time;
	}

	/**
	 * Makes an evidence package (证据包) for a reconsideration body or a court (ART-19): a BagIt bag of the chosen
	 * records with their digests, custody extracts and audit proofs; the legal affairs clerk must hold live grants
	 * covering every record. Answers 201 with the package.
	 */
	@PostMapping
	@Permissions.MakeEvidencePackages
	ResponseEntity<PackageView> create(@RequestBody PackageOrder order, Authentication caller) {
		var made = packaging.create(order, caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/evidence-packages/" + made.id())).body(view(made));
	}

	/** The latest evidence packages, newest first, for legal affairs, discipline and the director to oversee. */
	@GetMapping
	@Permissions.SeeEvidencePackages
	List<PackageView> latest(@RequestParam(defaultValue = "100") int limit) {
		return packaging.latest(Math.max(1, Math.min(limit, 500))).stream().map(this::view).toList();
	}

	/** One evidence package: who made it for whom, what it holds, its digests and expiry. */
	@GetMapping("/{id}")
	@Permissions.SeeEvidencePackages
	PackageView one(@PathVariable UUID id) {
		return view(packaging.require(id));
	}

	/**
	 * The bag itself, as stored, to the clerk who made it while grants still open every record in it and it has not
	 * expired; otherwise 404 (ART-19, ART-20). Either way the attempt is logged (PACKAGE_DOWNLOADED) before any answer.
	 */
	@GetMapping("/{id}/content")
	@Permissions.MakeEvidencePackages
	ResponseEntity<Resource> content(@PathVariable UUID id, Authentication caller) {
		var download = packaging.download(id, caller.getName());
		var p = download.evidencePackage();
		var in = download.content();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.contentLength(p.digest().sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(p.fileName()).build()
				.toString())
			.header("Digest", "sha-256=" + p.digest().sha256())
			.body(new InputStreamResource(in));
	}

	private PackageView view(EvidencePackage p) {
		var items = packaging.items(p.id()).stream()
			.map(i -> new ItemView(i.position(), i.ref().kind(), i.ref().id(), i.path(), i.offeredToProve()))
			.toList();
		return new PackageView(p.id(), p.recipientKind(), p.recipient(), p.purpose(),
				p.caseId() == null ? null : p.caseId().id(), p.digest().sha256(), p.digest().sm3(),
				p.digest().sizeBytes(), p.itemCount(), p.custodyEntries(), p.checkpointSize(),
				staff.byId(p.createdBy()).map(StaffMember::username).orElse(p.createdBy().toString()),
				time.local(p.createdAt()), p.expiresAt() == null ? null : time.local(p.expiresAt()), items,
				"/api/v1/evidence-packages/" + p.id() + "/content");
	}

	record PackageView(UUID id, PackageRecipientKind recipientKind, String recipient, String purpose,
			@Nullable UUID caseId, String sha256, @Nullable String sm3, long sizeBytes, int itemCount,
			int custodyEntries, long checkpointSize, String createdBy, OffsetDateTime createdAt,
			@Nullable OffsetDateTime expiresAt, List<ItemView> items,
			String content) {
	}

	record ItemView(int position, RecordRef.Kind kind, UUID id, String path, String offeredToProve) {
	}
}
