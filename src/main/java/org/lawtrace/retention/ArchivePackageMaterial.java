package org.lawtrace.retention;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Archival packages (归档, ART-14) as material for a disc (ART-17): every version of every archived file, the newest
 * files first. A package covers its case and every record it holds, as the four-property report lists them, so a
 * long-term mark on the case or on one of its records counts as on a disc once a disc holds the package.
 */
@Component
class ArchivePackageMaterial implements DiscMaterial {

	static final String KIND = "ARCHIVE_PACKAGE";
	private static final int LISTED = 200;

	private final Archives archives;

	ArchivePackageMaterial(Archives archives) {
		this.archives = archives;
	}

	@Override
	public List<Candidate> candidates() {
		return archives.latest(LISTED).stream()
			.filter(file -> !file.disposedOf())
			.flatMap(file -> file.versions().stream()
				.sorted(java.util.Comparator.comparingInt(ArchiveVersion::version).reversed())
				.map(version -> candidate(file, version)))
			.toList();
	}

	@Override
	public Optional<Candidate> find(String kind, String id) {
		if (!KIND.equals(kind)) {
			return Optional.empty();
		}
		var parts = id.split("/v", 2);
		try {
			var number = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
			return archives.byId(UUID.fromString(parts[0]))
				.filter(file -> !file.disposedOf())
				.flatMap(file -> file.versions().stream().filter(v -> v.version() == number).findFirst()
					.map(version -> candidate(file, version)));
		}
		catch (IllegalArgumentException notOurs) {
			return Optional.empty();
		}
	}

	private static Candidate candidate(ArchiveFile file, ArchiveVersion version) {
		var covers = new TreeSet<String>();
		covers.add(Subject.ofCase(file.caseId().id()).toString());
		for (var item : version.report().items()) {
			if ("RECORDING".equals(item.kind()) || "DOCUMENT".equals(item.kind())) {
				covers.add(item.kind().toLowerCase(java.util.Locale.ROOT) + ":" + item.recordId());
			}
		}
		// the archive number names the file on the disc as it does on its cover; the register keeps the id
		return new Candidate(KIND, file.id() + "/v" + version.version(),
				"归档案卷 " + file.archiveNumber() + "（" + version.report().caseNumber() + "）第" + version.version() + "版",
				version.digest(), "archive-" + file.archiveNumber() + "-" + file.id().toString().substring(0, 8) + "-v"
						+ version.version() + ".zip",
				covers);
	}
}
