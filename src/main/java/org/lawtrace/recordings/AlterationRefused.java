package org.lawtrace.recordings;

/** ART-22(2): someone tried to delete or replace an original; refused, and recorded for the discipline unit. */
public record AlterationRefused(String recordingId, String attemptedBy, String method, String path) {
}
