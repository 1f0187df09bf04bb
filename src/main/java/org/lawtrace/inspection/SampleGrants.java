package org.lawtrace.inspection;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.SampledRecordGrants;
import org.lawtrace.shared.StaffId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The director's approval of a spot-check plan as an access grant (ART-20, ART-21): the plan's sampled records, daily
 * recordings included, are open to its named inspectors from the plan's start to the end of its review period, in the
 * bureau's days, and to nobody else.
 */
@Component
@Transactional(readOnly = true)
class SampleGrants implements SampledRecordGrants {

	private final SpotCheckPlans plans;
	private final BureauTime time;

	SampleGrants(SpotCheckPlans plans, BureauTime time) {
		this.plans = plans;
		this.time = time;
	}

	@Override
	public boolean opens(StaffId viewer, RecordRef record, Instant at) {
		return record.kind() == RecordRef.Kind.RECORDING && plans.opens(viewer, record.id(), day(at));
	}

	@Override
	public Set<RecordRef> openTo(StaffId viewer, Instant at) {
		return plans.openTo(viewer, day(at)).stream().map(RecordRef::recording).collect(Collectors.toSet());
	}

	private java.time.LocalDate day(Instant at) {
		return at.atZone(time.zone()).toLocalDate();
	}
}
