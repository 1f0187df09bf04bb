/**
 * The demo bureau (东阳市市场监督管理局): seeds units, the demo accounts, certificates, a few realistic cases and
 * the device ledger into an empty database when {@code lawtrace.demo=true}, and keeps such a server on loopback.
 * <p>
 * Its beans are always there and each decides by {@code lawtrace.demo} when it runs, never by a condition: the
 * packaged jar's bean definitions are fixed when it is built (Spring AOT, ADR 0031), where a condition would be judged
 * once for every start.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff", "cases", "devices", "documents" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.demo;
