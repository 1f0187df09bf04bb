/**
 * Small value types and error outcomes that every LawTrace module speaks in.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.lawtrace.shared;
