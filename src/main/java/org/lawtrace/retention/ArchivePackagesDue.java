package org.lawtrace.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.springframework.stereotype.Component;

/**
 * What a disposition of an archived case destroys beside its records (ART-16): every package version of the file,
 * since each holds a copy of the case's records, and the image of any long-term preservation disc (ART-17) that
 * holds one. A disc that also holds other files' packages cannot be destroyed for one file: such a file is kept
 * until the disc is dealt with.
 */
@Component
class ArchivePackagesDue {

	private final Archives archives;
	private final Discs discs;

	ArchivePackagesDue(Archives archives, Discs discs) {
		this.archives = archives;
		this.discs = discs;
	}

	/** A blob of an archived file to destroy with its records, as it goes on the disposition and its register. */
	record Item(java.util.UUID archiveId, CaseId caseId, String caseNumber, String title, RetentionPeriod period,
			LocalDate cutOff, LocalDate dueOn, String role, ContentDigest digest) {
	}

	/** The archived files, not disposed of yet, of those among {@code cases} that have one. */
	Map<CaseId, ArchiveFile> filesOf(Collection<CaseId> cases) {
		var files = new LinkedHashMap<CaseId, ArchiveFile>();
		for (var id : archives.archivedAmong(cases)) {
			var caseId = new CaseId(id);
			archives.byCase(caseId).filter(f -> !f.disposedOf()).ifPresent(f -> files.put(caseId, f));
		}
		return files;
	}

	/** Whether a disc holding one of the file's packages also holds something else. */
	boolean onSharedDisc(ArchiveFile file) {
		var prefix = file.id() + "/v";
		return discs.holdingArchive(file.id()).stream()
			.flatMap(d -> discs.items(d.id()).stream())
			.anyMatch(i -> !ArchivePackageMaterial.KIND.equals(i.sourceKind()) || !i.sourceId().startsWith(prefix));
	}

	/** Every package version of the file, then the image of each disc holding one of them. */
	List<Item> itemsOf(ArchiveFile file) {
		var dueOn = Optional.ofNullable(file.dueOn())
			.orElseThrow(() -> new IllegalStateException("a permanent file is never disposed of"));
		var items = new ArrayList<Item>();
		for (var v : file.versions()) {
			items.add(new Item(file.id(), file.caseId(), v.report().caseNumber(), "归档包 " + file.archiveNumber() + " 第"
					+ v.version() + "版", file.period(), file.cutOffDate(), dueOn, "PACKAGE-V" + v.version(), v.digest()));
		}
		var caseNumber = file.versions().isEmpty() ? file.archiveNumber()
				: file.current().report().caseNumber();
		for (var disc : discs.holdingArchive(file.id())) {
			// the burned disc itself is destroyed by hand; the register says where it is kept
			var where = disc.burned() ? "，已刻录，存放于" + disc.location() + "，实物光盘须另行销毁" : "，未刻录";
			items.add(new Item(file.id(), file.caseId(), caseNumber, "长期保存光盘 " + disc.label() + " 映像（含归档包 "
					+ file.archiveNumber() + where + "）", file.period(), file.cutOffDate(), dueOn, "DISC-IMAGE",
					disc.image()));
		}
		return items;
	}
}
