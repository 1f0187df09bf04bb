package org.lawtrace.shared;

/**
 * Something that should never happen to the evidence did (ART-15, ART-22): a stored copy failed its fixity check or
 * went missing, a record row differs from what the audit log says of it, the log itself does not verify. Published by
 * the module that found it; the custodian and the discipline unit are alerted, and the log records it.
 *
 * @param kind what was found, a stable code such as {@code FIXITY_FAILED}, {@code COPY_MISSING},
 *        {@code RECORD_DIFFERS_FROM_LOG}, {@code LOG_DOES_NOT_VERIFY}; never shown on a page as is.
 * @param subjectType the kind of thing it concerns, as audit entries name it ({@code BLOB}, {@code RECORDING}, ...).
 * @param subjectId which one.
 * @param detail what differs, in words for the custodian (Chinese, with the English after it).
 */
public record IntegrityAlarm(String kind, String subjectType, String subjectId, String detail) {
}
