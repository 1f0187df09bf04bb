/**
 * Access to record content by approval (ART-20), and packages of records for reconsideration bodies and courts
 * (ART-18, ART-19).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases", "storage", "recordings", "documents", "audit" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.access;
