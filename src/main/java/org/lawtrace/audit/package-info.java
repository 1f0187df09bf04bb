/**
 * The tamper-evident audit log (审计日志): every security-relevant event appended to an RFC 9162 Merkle tree with
 * SM2-signed checkpoints, so a changed, removed or reordered entry is found (ART-22, evidence rules).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases", "recordings", "storage" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.audit;
