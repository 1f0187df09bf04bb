package org.lawtrace.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * A registered violation (违规登记, ART-22): the officers, the item of ART-22, where it came from, the facts; each
 * officer's defence (陈述申辩); the discipline unit's proposal and the director's decision on the sanction, with the
 * accountability of leaders where decided.
 */
public record Violation(UUID id, int item, String facts, List<Officer> officers, List<Source> sources,
		StaffId registeredBy, Instant registeredAt, State state, @Nullable Ruling proposal, @Nullable Ruling decision) {

	public Violation {
		officers = List.copyOf(officers);
		sources = List.copyOf(sources);
	}

	/** Where a violation stands. */
	public enum State {
		/** 已告知: registered and told to the officers, who may state a defence. */
		NOTIFIED,
		/** 拟处理: the discipline unit proposed a sanction; the director decides. */
		PROPOSED,
		/** 已决定: the director decided. */
		DECIDED
	}

	/** What a violation came from. */
	public enum SourceKind {
		/** 抽查 */
		SPOT_CHECK,
		/** 违规线索 */
		SIGNAL,
		/** 投诉举报 */
		COMPLAINT,
		/** 合规检查发现 */
		FINDING
	}

	/** An officer named, with his defence once stated. */
	public record Officer(StaffId staff, @Nullable String defence, @Nullable Instant defendedAt) {
	}

	/** One source, with the id of what it names (signal, finding, review) or a complaint's reference. */
	public record Source(SourceKind kind, @Nullable String reference, @Nullable String note) {
	}

	/** A sanction proposed or decided, with the suspension's days and the leaders held accountable. */
	public record Ruling(Sanction sanction, @Nullable LocalDate suspensionFrom, @Nullable LocalDate suspensionTo,
			@Nullable String leaders, @Nullable String reason, StaffId by, Instant at) {
	}

	public boolean names(StaffId staff) {
		return officers.stream().anyMatch(o -> o.staff().equals(staff));
	}
}
