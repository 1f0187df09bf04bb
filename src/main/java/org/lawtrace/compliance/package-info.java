/** Completeness checks (合规检查): rule packs, and the findings they produce about each case's records (ART-03, ART-05, ART-06, ART-08, ART-11, ART-15, ART-22(1)). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases", "recordings", "documents", "devices" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.compliance;
