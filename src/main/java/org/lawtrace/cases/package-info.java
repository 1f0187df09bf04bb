/**
 * Enforcement cases (执法案件/执法活动) with their parties, handlers and stages (环节): what every text and
 * audio-visual record is attached to (ART-02, ART-06).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.cases;
