package org.lawtrace.retention;

import java.util.stream.Collectors;

/**
 * The four-property check failed and nobody overrode it: nothing was archived (422, naming each failed check). The
 * director may archive anyway with a written reason.
 */
public class ArchiveCheckFailed extends RuntimeException {

	private final transient ArchiveReport report;

	public ArchiveCheckFailed(ArchiveReport report) {
		super("四性检测未通过，未归档 (the four-property check failed; nothing was archived): " + report.failures().stream()
			.map(f -> f.property().chineseName() + "：" + f.detail()).collect(Collectors.joining("；")));
		this.report = report;
	}

	public ArchiveReport report() {
		return report;
	}
}
