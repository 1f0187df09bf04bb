/**
 * Write-once, content-addressed storage of originals (ART-15, ART-22(2)): blobs are kept whole under their digest
 * and are never altered, overwritten or deleted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.storage;
