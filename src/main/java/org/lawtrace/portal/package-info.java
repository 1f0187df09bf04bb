/**
 * The web shell staff sign in to: login page, layout, language switch, error pages and each role's home page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.portal;
