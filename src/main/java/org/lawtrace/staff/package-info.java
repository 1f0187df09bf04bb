/**
 * Who the people are: units, staff, their roles and enforcement certificates, accounts and API tokens, and
 * whether someone was qualified to record or to act as an enforcement officer on a given day (ART-07, ART-08).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package org.lawtrace.staff;
