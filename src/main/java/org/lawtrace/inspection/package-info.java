/**
 * Discipline oversight (ART-21, ART-22, Chapter 8): the discipline unit's spot-check plans with their reproducible
 * samples, reviews of sampled records, the inspection ledger (检查台账), violation signals for the discipline unit's
 * queue, and the violation register with defences and sanctions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases", "recordings", "documents", "devices", "audit", "access", "compliance", "storage" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.inspection;
