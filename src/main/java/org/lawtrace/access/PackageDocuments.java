package org.lawtrace.access;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentId;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.storage.BlobStore;
import org.springframework.stereotype.Component;

/**
 * Text records (文字记录) for evidence packages: each document's current file version as stored (a signed or sealed
 * scan, a PDF), described from the documents catalogue and read from the write-once store. Earlier versions stay in
 * the store; the method says which version was packed and that version 1 is the original (ART-05.4).
 */
@Component
class PackageDocuments implements PackageRecordSource {

	private final DocumentCatalog catalog;
	private final StaffDirectory staff;
	private final BlobStore store;

	PackageDocuments(DocumentCatalog catalog, StaffDirectory staff, BlobStore store) {
		this.catalog = catalog;
		this.staff = staff;
		this.store = store;
	}

	@Override
	public RecordRef.Kind kind() {
		return RecordRef.Kind.DOCUMENT;
	}

	@Override
	public PackageItem describe(UUID id) {
		var d = catalog.require(new DocumentId(id));
		var v = d.current();
		var method = "文书（" + d.kind().chineseName() + (d.number() == null ? "" : "，文号 " + d.number()) + "）文件第 "
				+ v.number() + " 版，共 " + d.versions().size() + " 版，第 1 版为原件 (document file version " + v.number()
				+ " of " + d.versions().size() + ", version 1 being the original; " + v.pageCount() + " pages)";
		return new PackageItem(RecordRef.document(id), v.fileName(), PackageRecordings.extension(v.fileName()),
				d.kind().code(), v.mediaType(), v.digest(), d.caseId(), "纸质文书的电子文件 (electronic file of the document)",
				method, d.madeAt(), d.madeAt(), person(d.madeBy()), person(v.changedBy()), v.changedAt(), false);
	}

	@Override
	public List<UUID> ofCase(CaseId caseId) {
		return catalog.documents(caseId).stream().map(d -> d.id().id()).toList();
	}

	@Override
	public InputStream open(PackageItem item) {
		return store.open(item.digest());
	}

	private String person(StaffId id) {
		return staff.byId(id).map(m -> m.name() + " (" + m.username() + ")").orElse(id.toString());
	}
}
