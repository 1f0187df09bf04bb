package org.lawtrace.storage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.DispositionApprovals;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one way a blob leaves the write-once store (销毁, ART-16): only under a disposition the director approved,
 * which this class asks the keeper of dispositions about itself ({@link DispositionApprovals}) instead of taking the
 * caller's word, and only in each copy whose store allows it. An object store with Object Lock refuses until the
 * object's retention ends; that refusal is reported, never worked around. Every attempt is logged: a refused one as
 * {@link BlobDestructionRefused}, a done one as {@link BlobDestroyed} naming each copy's outcome. ArchitectureTests
 * lets only the retention module call this.
 */
@Service
public class BlobDestruction {

	private final Copies copies;
	private final ObjectProvider<DispositionApprovals> approvals;
	private final java.util.function.Predicate<StaffId> director;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final FixityLedger ledger;
	private final ObjectProvider<ReplicationQueue> replication;

	@org.springframework.beans.factory.annotation.Autowired
	BlobDestruction(Copies copies, ObjectProvider<DispositionApprovals> approvals, StaffDirectory staff,
			ApplicationEventPublisher events, Clock clock, FixityLedger ledger,
			ObjectProvider<ReplicationQueue> replication) {
		this(copies, approvals, id -> staff.byId(id).filter(m -> m.holds(Role.DIRECTOR)).isPresent(), events, clock,
				ledger, replication);
	}

	/** {@code director}: whether someone holds the director's role now (the approval must be theirs). */
	BlobDestruction(Copies copies, ObjectProvider<DispositionApprovals> approvals,
			java.util.function.Predicate<StaffId> director, ApplicationEventPublisher events, Clock clock,
			FixityLedger ledger, ObjectProvider<ReplicationQueue> replication) {
		this.ledger = ledger;
		this.replication = replication;
		this.copies = copies;
		this.approvals = approvals;
		this.director = director;
		this.events = events;
		this.clock = clock;
	}

	/** What became of one copy of a blob. */
	public enum Outcome {
		/** 已销毁: every stored version is gone. */
		DESTROYED,
		/** 本无此件: the copy held no such blob (never replicated, or destroyed before). */
		ABSENT,
		/** 存储拒绝: the store refused, e.g. Object Lock retention not yet ended; the blob is still there. */
		REFUSED_BY_STORE
	}

	/** One copy's outcome, with the store's reason where it refused. */
	public record CopyOutcome(Copy copy, Outcome outcome, String detail) {
	}

	/** What destroying a blob did in each configured copy. */
	public record Result(ContentDigest digest, List<CopyOutcome> copies) {

		public Result {
			copies = List.copyOf(copies);
		}

		/** Whether no copy still holds the blob. */
		public boolean complete() {
			return copies.stream().noneMatch(c -> c.outcome() == Outcome.REFUSED_BY_STORE);
		}
	}

	/**
	 * Destroys a blob in every configured copy.
	 *
	 * @param disposition the approved disposition that lists the blob, must not be {@literal null}.
	 * @param digest the blob, must not be {@literal null}.
	 * @param actor who carries the disposition out, must not be {@literal null}.
	 * @throws NotPermitted when the director has not approved that disposition for that blob; the refusal is logged.
	 */
	public Result destroy(UUID disposition, ContentDigest digest, StaffId actor) {
		var approval = approvals.stream().flatMap(a -> a.approvalOf(disposition, digest.sha256()).stream()).findFirst();
		if (approval.isEmpty()) {
			return refuse(disposition, digest, actor, "no director's approval for this blob in this disposition");
		}
		if (!director.test(approval.get().approvedBy())) {
			return refuse(disposition, digest, actor, "approved by someone who is not the director");
		}
		var outcomes = new ArrayList<CopyOutcome>();
		for (var copy : copies.configured()) {
			var store = copies.of(copy).orElseThrow();
			outcomes.add(store instanceof Destructible destructible ? withCopy(copy, destructible.destroy(digest))
					: new CopyOutcome(copy, Outcome.REFUSED_BY_STORE, "this store cannot destroy blobs"));
		}
		var result = new Result(digest, outcomes);
		// what is gone is no longer checked nor copied; a copy the store refused to give up stays under both
		result.copies().stream().filter(c -> c.outcome() != Outcome.REFUSED_BY_STORE)
			.forEach(c -> ledger.forget(digest.sha256(), c.copy()));
		if (result.complete()) {
			replication.ifAvailable(queue -> queue.withdraw(digest.sha256()));
		}
		events.publishEvent(new BlobDestroyed(digest, disposition, actor, approval.get().approvedBy(), result.copies(),
				clock.instant()));
		return result;
	}

	private Result refuse(UUID disposition, ContentDigest digest, StaffId actor, String reason) {
		events.publishEvent(new BlobDestructionRefused(digest.sha256(), disposition, actor, reason));
		throw new NotPermitted("未经局长批准，不得销毁 (destruction needs the director's approval): " + reason);
	}

	private static CopyOutcome withCopy(Copy copy, CopyOutcome outcome) {
		return new CopyOutcome(copy, outcome.outcome(), outcome.detail());
	}
}
