package org.lawtrace.inspection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The discipline unit's queue of violation signals (违规线索, ART-22 (1)-(5); ART-11, ART-12): each a candidate, never
 * a sanction by itself, raised once per source fact by the listeners and the scan of this module, or by any later
 * listener through {@link #raise}; then dismissed with a reason (不予处理) or turned into a registered violation
 * (已立案). Raising the same fact again changes nothing, so the scans may run as often as they like.
 */
@Service
@Transactional
public class ViolationSignals {

	private final Signals signals;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;

	ViolationSignals(Signals signals, StaffDirectory staff, BureauTime time, ApplicationEventPublisher events) {
		this.signals = signals;
		this.staff = staff;
		this.time = time;
		this.events = events;
	}

	/**
	 * Raises a signal for a source fact, unless one was raised for it before.
	 *
	 * @param sourceKey names the fact, e.g. {@code finding-cleared:<finding id>}; the same key never raises twice.
	 * @param person whom the fact concerns, when known.
	 * @param subjectType what kind of thing it names ({@code RECORDING}, {@code DOCUMENT}, {@code DEVICE}, ...).
	 * @param facts what happened, in words the discipline unit reads.
	 * @return the new signal, or empty when the fact had raised one already.
	 */
	// its own transaction: refusals are heard while the work they refused is being rolled back
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Signal> raise(SignalKind kind, String sourceKey, @Nullable StaffId person,
			@Nullable String subjectType, @Nullable String subjectId, String facts, java.time.Instant occurredAt) {
		var signal = new Signal(UUID.randomUUID(), kind, sourceKey, person, subjectType, subjectId, clip(facts, 2000),
				occurredAt, time.now(), SignalState.PENDING, null, null, null, null);
		if (!signals.addIfNew(signal)) {
			return Optional.empty();
		}
		events.publishEvent(new SignalRaised(signal));
		return Optional.of(signal);
	}

	@Transactional(readOnly = true)
	public List<Signal> queue(@Nullable SignalState state, int limit) {
		return signals.inState(state, limit);
	}

	@Transactional(readOnly = true)
	public Signal require(UUID id) {
		return signals.byId(id).orElseThrow(() -> new NotFound("signal", id));
	}

	/** The signal a source fact raised, if any. */
	@Transactional(readOnly = true)
	public Optional<Signal> bySource(String sourceKey) {
		return signals.bySource(sourceKey);
	}

	/** Signals about one person, newest first. */
	@Transactional(readOnly = true)
	public List<Signal> about(StaffId person) {
		return signals.ofStaff(person);
	}

	/** 不予处理: the discipline unit dismisses a pending signal, with the reason. */
	public Signal dismiss(UUID id, @Nullable String reason, String actor) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput("reason", "请说明不予处理的理由 (give the reason for dismissing the signal)");
		}
		return triage(require(id), SignalState.DISMISSED, clip(reason.strip(), 1000), null,
				staff.require(actor).id());
	}

	/** 已立案: a violation was registered from this signal. */
	Signal registered(UUID id, UUID violationId, StaffId actor) {
		return triage(require(id), SignalState.REGISTERED, null, violationId, actor);
	}

	private Signal triage(Signal s, SignalState state, @Nullable String note, @Nullable UUID violation, StaffId actor) {
		if (!s.pending()) {
			throw new Conflict("state", "该线索已研判 (the signal was triaged already)");
		}
		var triaged = new Signal(s.id(), s.kind(), s.sourceKey(), s.staff(), s.subjectType(), s.subjectId(), s.facts(),
				s.occurredAt(), s.raisedAt(), state, actor, time.now(), note, violation);
		if (!signals.triage(triaged)) {
			throw new Conflict("state", "该线索已研判 (the signal was triaged meanwhile)");
		}
		events.publishEvent(new SignalTriaged(triaged));
		return triaged;
	}

	static String clip(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
