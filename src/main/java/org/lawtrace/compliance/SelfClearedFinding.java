package org.lawtrace.compliance;

import org.lawtrace.shared.StaffId;

/**
 * A finding that closed because its own recorder corrected the recording's times or recorder (Chapter 8): listed
 * for the discipline unit and the director to review, with the recorder who corrected.
 */
public record SelfClearedFinding(Finding finding, StaffId recorder, String caseNumber) {
}
