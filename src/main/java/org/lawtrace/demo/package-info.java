/**
 * The demo bureau (东阳市市场监督管理局): seeds units, the demo accounts, certificates, a few realistic cases and
 * the device ledger into an empty database when {@code lawtrace.demo=true}, and keeps such a server on loopback.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases", "devices", "documents" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.demo;
