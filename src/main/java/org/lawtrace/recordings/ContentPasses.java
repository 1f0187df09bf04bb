package org.lawtrace.recordings;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.lawtrace.shared.AccessNarrowed;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.RecordDestroyed;
import org.lawtrace.cases.CaseClosed;
import org.lawtrace.staff.AccountChanged;
import org.lawtrace.staff.AccountLocked;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * ART-20 at a player's pace: a viewer's access to a recording's content, decided by {@link RecordingCatalog} (the
 * recording visible to them, its content open to them, not destroyed) and then trusted for
 * {@code lawtrace.playback.access-cache} (default five seconds) for that viewer and recording only, so the many
 * Range requests of one playback do not each ask the database the same question. Never beyond a narrowing: a revoked
 * grant ({@link AccessNarrowed}), a revision of any recording (its case or recorder may have changed), a closed case
 * (its handlers lose their standing), a change to any account (roles, lock) and a destroyed record forget every
 * decision at once, after their transaction commits; a grant that runs out (a time, not an act) is honoured at most the pass's lifetime longer, by the bureau's clock;
 * a narrowing committed on another instance of a cluster, which this one does not hear, at most the pass's lifetime
 * after it committed (at most {@link #LONGEST}, checked at start; pinned by {@code ClusterIntegrationTests});
 * a decision being made while one commits is not kept (the generation check). Only allowing decisions are kept: a
 * refusal is asked again, and logged, every time.
 */
@Component
public class ContentPasses {

	/**
	 * The longest a decision may be kept (ADR 0022): narrowings on this instance forget kept decisions at once, but one
	 * committed on another instance of a cluster is not heard here, so a kept decision is its only bound there. Issue
	 * 16 asks that a revocation, a disabled account or a role change made anywhere holds everywhere within five seconds.
	 */
	static final Duration LONGEST = Duration.ofSeconds(5);

	/** How many kept decisions make the next one clear those run out first. */
	private static final int SWEEP_AT = 4096;

	private final ConcurrentHashMap<Key, Pass> passes = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<Session, Lean> sessions = new ConcurrentHashMap<>();
	private final AtomicLong generation = new AtomicLong();
	private final RecordingCatalog catalog;
	private final BureauTime time;
	private final Duration lifetime;

	ContentPasses(RecordingCatalog catalog, BureauTime time,
			@Value("${lawtrace.playback.access-cache:PT5S}") Duration lifetime) {
		if (lifetime.isNegative() || lifetime.compareTo(LONGEST) > 0) {
			throw new IllegalStateException("lawtrace.playback.access-cache=" + lifetime + " is outside PT0S.." + LONGEST
					+ ": a revocation on another instance of a cluster must hold here within " + LONGEST + " (ADR 0022)");
		}
		this.catalog = catalog;
		this.time = time;
		this.lifetime = lifetime;
	}

	/**
	 * The recording, when its content is open to {@code actor}; refusals as {@link RecordingCatalog#requireVisible}
	 * and {@link RecordingCatalog#requireContentOpenTo} make them (logged, {@code NotFound}, {@code NotPermitted},
	 * {@code Gone}).
	 */
	public Recording require(RecordingId id, String actor) {
		var key = new Key(id, actor);
		var now = time.now();
		var pass = passes.get(key);
		if (pass != null && now.isBefore(pass.until()) && pass.generation() == generation.get()) {
			return pass.recording();
		}
		var asked = generation.get();
		var recording = catalog.requireVisible(id, actor);
		catalog.requireContentOpenTo(recording, actor);
		if (!lifetime.isZero()) {
			if (passes.size() >= SWEEP_AT) {
				// passes nobody asks for again would stay until the next narrowing: those run out go now
				passes.values().removeIf(p -> !now.isBefore(p.until()));
			}
			passes.put(key, new Pass(recording, now.plus(lifetime), asked));
			if (generation.get() != asked) {
				passes.remove(key); // something narrowed access while we asked: this answer may be stale already
			}
		}
		return recording;
	}

	/**
	 * Lets the pages' session behind {@code sessionDigest} (a digest of its cookie) play the recording without the
	 * session being loaded again, for what is left of {@code viewer}'s kept decision: called by the pages' player
	 * route once a request of that session, authenticated by it as {@code viewer}, has been allowed (ADR 0028). Not
	 * kept when the decision is not (a zero lifetime) or something narrowed access since it was made.
	 */
	public void keepForSession(RecordingId id, String viewer, String sessionDigest) {
		var pass = passes.get(new Key(id, viewer));
		var now = time.now();
		var asked = generation.get();
		if (pass == null || !now.isBefore(pass.until()) || pass.generation() != asked) {
			return;
		}
		if (sessions.size() >= SWEEP_AT) {
			sessions.values().removeIf(l -> !now.isBefore(l.until()));
		}
		var key = new Session(id, sessionDigest);
		sessions.put(key, new Lean(pass.recording(), viewer, pass.until(), asked));
		if (generation.get() != asked) {
			sessions.remove(key);
		}
	}

	/** What a session earned by {@link #keepForSession}: the recording and its viewer. */
	public record Kept(Recording recording, String viewer) {
	}

	/**
	 * The recording and viewer a session may still play without being loaded, or null: none kept, run out, or
	 * narrowed since (then the request goes the whole way, session and all).
	 */
	public @org.jspecify.annotations.Nullable Kept keptForSession(RecordingId id, String sessionDigest) {
		var lean = sessions.get(new Session(id, sessionDigest));
		if (lean == null || !time.now().isBefore(lean.until()) || lean.generation() != generation.get()) {
			return null;
		}
		return new Kept(lean.recording(), lean.viewer());
	}

	/** Anyone signing out: their sessions' kept plays end at once (the session is gone, whatever the cookie says). */
	@org.springframework.context.event.EventListener
	void on(org.springframework.security.authentication.event.LogoutSuccessEvent e) {
		forgetAll();
	}

	/** ART-20: a revocation ends every kept decision at once, as soon as it is committed. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AccessNarrowed e) {
		forgetAll();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RecordingRevised e) {
		forgetAll();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AccountChanged e) {
		forgetAll();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AccountLocked e) {
		forgetAll();
	}

	/** A closed case's handlers no longer open its records without a grant (ART-20). */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CaseClosed e) {
		forgetAll();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RecordDestroyed e) {
		forgetAll();
	}

	void forgetAll() {
		generation.incrementAndGet();
		passes.clear();
		sessions.clear();
	}

	private record Key(RecordingId recording, String actor) {
	}

	private record Pass(Recording recording, Instant until, long generation) {
	}

	private record Session(RecordingId recording, String sessionDigest) {
	}

	private record Lean(Recording recording, String viewer, Instant until, long generation) {
	}
}
