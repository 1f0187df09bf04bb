/**
 * Retention of enforcement records (ART-13, ART-14, ART-16, ART-17): the file plan that gives each case file and
 * recording its retention period (保管期限), archiving a closed case as a frozen archival package with its archive
 * number (档号) and four-property check (四性检测), holds, long-term marks and media, and disposition only with
 * approval.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases", "storage", "recordings", "documents", "audit", "compliance", "access" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.retention;
