/**
 * Text records (文字记录): document kinds, documents with their numbered file versions, signatures and seals,
 * service, and the case-file volumes they are filed in (ART-05, ART-14).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases", "storage", "recordings" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.documents;
