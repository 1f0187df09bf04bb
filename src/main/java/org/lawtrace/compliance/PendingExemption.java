package org.lawtrace.compliance;

import org.lawtrace.cases.StageKind;

/** An exemption request (不宜录音录像申请) waiting for a decision, with what a leader's list shows of its case. */
public record PendingExemption(Exemption exemption, String caseNumber, String caseTitle, StageKind stageKind) {
}
