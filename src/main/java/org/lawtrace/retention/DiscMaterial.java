package org.lawtrace.retention;

import java.util.List;
import java.util.Optional;

import org.lawtrace.shared.ContentDigest;

/**
 * Where the packages a disc may hold come from (ART-17): each source names BagIt zips kept in the write-once store,
 * and which cases and records each holds, so the register can tell which long-term marks are on a disc. Two sources
 * today: the archival packages ({@link ArchivePackageMaterial}, every version of every archived file), which is what
 * a long-term marked case's disc should hold, and the evidence packages made for courts and reconsideration bodies
 * ({@link EvidencePackageMaterial}). Both are BagIt zips in the same custody/items format, so {@code verify-package}
 * and {@code verify-disc} check either.
 */
interface DiscMaterial {

	/** The packages that may go on a disc now, newest first. */
	List<Candidate> candidates();

	/** One package by its source's id, if this source has it. */
	Optional<Candidate> find(String kind, String id);

	/**
	 * A package a disc may hold.
	 *
	 * @param kind the source's kind, such as {@code EVIDENCE_PACKAGE} or {@code ARCHIVE_PACKAGE}.
	 * @param id the package's id within its source.
	 * @param title what it is, in words, for the register and the page.
	 * @param fileName its name on the disc, under {@code packages/}.
	 * @param covers the cases and records it holds, as long-term marks name them ({@link Subject}'s text:
	 *        {@code case:<id>}, {@code recording:<id>}, {@code document:<id>}).
	 */
	record Candidate(String kind, String id, String title, ContentDigest digest, String fileName,
			java.util.Set<String> covers) {
	}
}
