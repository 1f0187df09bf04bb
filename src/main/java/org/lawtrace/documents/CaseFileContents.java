package org.lawtrace.documents;

import java.time.LocalDate;

import org.lawtrace.shared.CaseId;

/** A closed case's file (一案一卷, ART-14): its main and secondary volumes. */
public record CaseFileContents(CaseId caseId, String caseNumber, String caseTitle, String parties,
		LocalDate closedOn, VolumeContents main, VolumeContents secondary) {
}
