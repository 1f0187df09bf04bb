package org.lawtrace.retention;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The four-property check's report (四性检测报告, DA/T 70-2018): authenticity (真实性), integrity (完整性), usability
 * (可用性) and security (安全性), each a list of findings; stored with the package version (inside the bag and in the
 * database) and shown on the archive's page. A failed report archives only by the director's written reason, which
 * it then carries.
 */
public record ArchiveReport(String caseNumber, String checkedAt, List<Item> items, List<Finding> findings,
		@Nullable String overrideReason, @Nullable String overriddenBy) {

	public ArchiveReport {
		items = List.copyOf(items);
		findings = List.copyOf(findings);
	}

	/** The four properties of DA/T 70-2018. */
	public enum Property {
		AUTHENTICITY("真实性", "Authenticity"),
		INTEGRITY("完整性", "Integrity"),
		USABILITY("可用性", "Usability"),
		SECURITY("安全性", "Security");

		private final String chineseName;
		private final String englishName;

		Property(String chineseName, String englishName) {
			this.chineseName = chineseName;
			this.englishName = englishName;
		}

		public String chineseName() {
			return chineseName;
		}

		public String englishName() {
			return englishName;
		}
	}

	/**
	 * One check's outcome: which property, a short code, whether it passed, and what it found (naming the record).
	 */
	public record Finding(Property property, String check, boolean passed, String detail) {
	}

	/** A file the package holds, as checked: where in the bag, its recorded digest, and how it was opened. */
	public record Item(String path, String kind, String recordId, String mediaType, String sha256, long size,
			String openedWith) {
	}

	public boolean passed() {
		return findings.stream().allMatch(Finding::passed);
	}

	public List<Finding> failures() {
		return findings.stream().filter(f -> !f.passed()).toList();
	}

	public List<Finding> of(Property property) {
		return findings.stream().filter(f -> f.property() == property).toList();
	}

	ArchiveReport overridden(String reason, String by) {
		return new ArchiveReport(caseNumber, checkedAt, items, findings, reason, by);
	}
}
