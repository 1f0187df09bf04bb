/**
 * Running LawTrace as several interchangeable instances on one database (集群): sessions kept in the database and
 * every scheduled job run by one instance at a time (issue 16, ADR 0020).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.cluster;
