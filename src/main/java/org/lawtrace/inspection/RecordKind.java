package org.lawtrace.inspection;

/**
 * The kinds of record a spot-check plan draws from (ART-21): audio-visual records linked to a case, and daily
 * enforcement recordings (日常执法记录) not linked to any case, which only this path opens to the discipline unit.
 */
public enum RecordKind {
	CASE_AV, DAILY_AV
}
