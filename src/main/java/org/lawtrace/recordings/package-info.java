/**
 * Audio-visual records (音像记录): body-cam video, photos and audio taken in whole into the write-once store,
 * labelled with case number, party and handlers, linked to the case and stages they record, timed against the
 * two-day storage rule, and played back (ART-06, ART-10, ART-15, ART-22(2)).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases", "storage", "devices" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.recordings;
