/**
 * The recording devices the bureau keeps and the rules of their use (ART-09 to ART-12): who holds which device and
 * when, the pre-use check before issue, faults that take a device out of service at once, professional repairs,
 * scheduled maintenance, and the collection stations (采集站) that upload what the devices record.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "staff" })
@org.jspecify.annotations.NullMarked
package org.lawtrace.devices;
