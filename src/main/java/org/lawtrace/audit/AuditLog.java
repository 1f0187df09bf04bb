package org.lawtrace.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.DurableCommits;
import org.lawtrace.shared.IntegrityAlarm;
import org.lawtrace.shared.NotFound;
import org.lawtrace.storage.NamedObjects;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log (审计日志): appends entries one writer at a time with gapless sequence numbers, signs a checkpoint
 * every so many entries, at least every so many seconds while entries come in, at shutdown and on demand, answers
 * inclusion proofs, and recomputes the whole tree to verify it (ART-22).
 * <p>
 * Each checkpoint is also written as an anchor to the write-once store, outside the database, and signed with a key
 * kept in a file outside the database, or in a PKCS#11 token: whoever can edit the database can neither remove what
 * was anchored unseen nor sign anew (issue 12, finding 4; ADR 0008, 0014). Where a TSA is configured, each anchor's
 * signature is also timestamped (RFC 3161, {@link Timestamps}).
 */
@Service
public class AuditLog implements DisposableBean {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLog.class);

	/**
	 * Longest values kept, as the columns allow: the fields are written by this module, but a typed user name, a path
	 * or a reason comes from outside, and an entry too long to store would lose the event altogether.
	 */
	private static final int MAX_ACTOR = 100;
	private static final int MAX_SUBJECT_ID = 200;
	private static final int MAX_DETAIL = 2000;
	private static final HexFormat HEX = HexFormat.of();
	/** Entries read per query while verifying: large enough to be quick, small enough to keep memory flat. */
	private static final int VERIFY_PAGE = 20_000;

	private final AuditEntries entries;
	private final Checkpoints checkpoints;
	private final BureauTime time;
	private final TransactionTemplate ownTransaction;
	private final TransactionTemplate readOnly;
	private final int checkpointEvery;
	private final boolean verifyOnly;
	/** Off only to measure what logging costs (bench/audit-overhead.sh); announced loudly and in the log itself. */
	private final boolean enabled;
	/** One appender per instance at a time; the writer row serializes instances, this spares them lock timeouts. */
	private final ReentrantLock writer = new ReentrantLock();
	private final AuditAnchors anchors;
	/**
	 * An anchor survives a power cut the moment it is written, so the entries it covers must too, or a power cut
	 * would make an honest log look as if its tail had been deleted.
	 */
	private final DurableCommits durable;
	private final KeyFile keyFile;
	/** The PKCS#11 token that holds the key instead of the key file, when one is configured. */
	private final AuditToken token;
	/** Asks the TSA for each anchor's RFC 3161 timestamp, when one is configured. */
	private final Timestamps timestamps;
	private final ApplicationEventPublisher events;
	private final Duration checkpointInterval;
	/** Signs the checkpoints due by count or time, away from the appenders, one at a time. */
	private final ScheduledExecutorService checkpointer;
	private final AtomicBoolean checkpointPending = new AtomicBoolean();
	private volatile @Nullable CheckpointSigner signingKey;
	/** The tree size the newest anchor covers, as far as this instance knows; -1 before the first look. */
	private volatile long anchoredSize = -1;
	/**
	 * The size of the newest anchor seen, verified or not: no append takes a number below it, so an anchored entry
	 * deleted from the database stays a gap that verify-log names as missing, instead of its number being handed to
	 * the next entry (finding 4).
	 */
	private volatile long appendFrom = 0;
	private volatile boolean started;

	AuditLog(AuditEntries entries, Checkpoints checkpoints, AuditAnchors anchors, BureauTime time,
			PlatformTransactionManager transactions, ApplicationEventPublisher events, DurableCommits durable,
			AuditToken token, Timestamps timestamps,
			@Value("${lawtrace.audit.checkpoint-every:100}") int checkpointEvery,
			@Value("${lawtrace.audit.checkpoint-interval:PT60S}") Duration checkpointInterval,
			@Value("${lawtrace.audit.key-file:${lawtrace.data-dir}/keys/audit-signing-key.pem}") String keyFile,
			@Value("${lawtrace.audit.verify-only:false}") boolean verifyOnly,
			@Value("${lawtrace.audit.enabled:true}") boolean enabled) {
		if (checkpointEvery < 1) {
			throw new IllegalStateException("lawtrace.audit.checkpoint-every must be at least 1");
		}
		if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
			throw new IllegalStateException("lawtrace.audit.checkpoint-interval must be positive");
		}
		this.anchors = anchors;
		this.durable = durable;
		this.keyFile = new KeyFile(keyFile);
		this.token = token;
		this.timestamps = timestamps;
		this.events = events;
		this.checkpointInterval = checkpointInterval;
		this.checkpointer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "audit-checkpoints");
			thread.setDaemon(true);
			return thread;
		});
		this.enabled = enabled;
		this.entries = entries;
		this.checkpoints = checkpoints;
		this.time = time;
		// an entry stands on its own: a denied attempt is logged even when the caller's work is rolled back
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.checkpointEvery = checkpointEvery;
		this.verifyOnly = verifyOnly;
	}

	/**
	 * Appends an entry and answers it with its sequence number and leaf hash; only this module's event listeners
	 * call it, so the log says only what happened.
	 */
	AuditEntry append(String actor, String action, String subjectType, String subjectId, String outcome,
			String detail) {
		if (!enabled) {
			// not stored: the log's own AUDIT_DISABLED entry at start-up says from when events went unlogged
			return new AuditEntry(-1, time.now(), actor, action, subjectType, subjectId, outcome, detail, "");
		}
		return store(actor, action, subjectType, subjectId, outcome, detail);
	}

	/**
	 * Appends an entry in the caller's transaction, so it commits or rolls back with the work it records: an
	 * acknowledged upload cannot lack its entry after a crash. The writer lock is held until that transaction ends.
	 */
	AuditEntry appendWithin(String actor, String action, String subjectType, String subjectId, String outcome,
			String detail) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("an entry appended within the caller's transaction needs one");
		}
		if (!enabled) {
			return new AuditEntry(-1, time.now(), actor, action, subjectType, subjectId, outcome, detail, "");
		}
		if (!writer.isHeldByCurrentThread()) {
			writer.lock();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					writer.unlock();
				}
			});
		}
		var entry = appendLocked(actor, action, subjectType, subjectId, outcome, detail);
		if (due(entry)) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					checkpointSoon();
				}
			});
		}
		return entry;
	}

	private AuditEntry store(String actor, String action, String subjectType, String subjectId, String outcome,
			String detail) {
		AuditEntry entry;
		writer.lock();
		try {
			entry = ownTransaction.execute(tx -> appendLocked(actor, action, subjectType, subjectId, outcome, detail));
		}
		finally {
			writer.unlock();
		}
		if (due(entry)) {
			checkpointSoon();
		}
		return entry;
	}

	/** Every so many entries a checkpoint is due; it is signed once the entry has committed, never before. */
	private boolean due(AuditEntry entry) {
		return (entry.seq() + 1) % checkpointEvery == 0;
	}

	/** Asks the checkpointer to sign the log as it is then; requests made while one waits are one request. */
	private void checkpointSoon() {
		if (!verifyOnly && checkpointPending.compareAndSet(false, true)) {
			try {
				checkpointer.execute(() -> {
					checkpointPending.set(false);
					checkpointQuietly("every " + checkpointEvery + " entries");
				});
			}
			catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
				checkpointPending.set(false);
			}
		}
	}

	/** A checkpoint from the background: a failure is logged (and alarmed when the log does not verify), not thrown. */
	private void checkpointQuietly(String why) {
		try {
			checkpoint();
		}
		catch (Conflict alarmed) {
			// the log does not match its anchors: already logged and alarmed
		}
		catch (RuntimeException e) {
			LOG.error("Could not sign the audit log's checkpoint ({}): {}", why, e.toString(), e);
		}
	}

	private AuditEntry appendLocked(String actor, String action, String subjectType, String subjectId, String outcome,
			String detail) {
		entries.lockWriter();
		var entry = new AuditEntry(Math.max(entries.nextSeq(), Math.max(appendFrom, anchoredSize)), time.now(), clip(actor, MAX_ACTOR), action, subjectType,
				clip(subjectId, MAX_SUBJECT_ID), outcome, clip(detail, MAX_DETAIL), "").sealed();
		entries.append(entry);
		return entry;
	}

	/**
	 * Signs a checkpoint of the whole log as it is now and writes it as an anchor to the write-once store, unless the
	 * newest anchor already covers it.
	 *
	 * @throws LogDoesNotVerify (a {@link Conflict}) when the log no longer matches its last anchor, or an entry since
	 *         does not verify: nothing is signed over a log that was tampered with, and an {@link IntegrityAlarm} is
	 *         raised.
	 */
	public Checkpoint checkpoint() {
		if (verifyOnly) {
			throw new IllegalStateException("a verification run signs nothing");
		}
		var key = signingKey();
		writer.lock();
		try {
			return ownTransaction.execute(tx -> {
				entries.lockWriter();
				var size = entries.size();
				// the writer lock keeps new entries out: every entry counted here is committed, and now durable
				durable.awaitDurable();
				var latest = anchors.latest();
				// a row removed and another appended leave the count as it was: the anchored size must also be the end
				var next = entries.nextSeq();
				if (next != size) {
					// numbers are unique: fewer rows than numbers means a row was taken out of the middle
					throw new LogDoesNotVerify("the database holds " + size + " entries numbered up to " + (next - 1)
							+ ": an entry was deleted");
				}
				if (latest.isPresent() && latest.get().treeSize() == size) {
					anchoredSize = size;
					return latest.get().checkpoint();
				}
				return sign(size, latest.orElse(null), key);
			});
		}
		catch (LogDoesNotVerify refused) {
			LOG.error("NOT signing the audit log: {} (ART-22)", refused.getMessage());
			events.publishEvent(new IntegrityAlarm("LOG_DOES_NOT_VERIFY", "AUDIT_LOG", "audit-log",
					"审计日志与其锚点不符，未签名检查点 (the audit log does not match its anchors; no checkpoint signed): "
							+ refused.getMessage()));
			throw new Conflict(null, "审计日志与其锚点不符 (the audit log does not match its anchors): "
					+ refused.getMessage());
		}
		finally {
			writer.unlock();
		}
	}

	/** The log no longer matches what was anchored; signing now would vouch for the tampering. */
	static final class LogDoesNotVerify extends RuntimeException {

		LogDoesNotVerify(String message) {
			super(message);
		}
	}

	/**
	 * Signs the first {@code treeSize} entries after checking that the entries since the previous anchor are all
	 * there and each matches its leaf hash, and that the tree up to the previous anchor still has its signed root.
	 */
	private Checkpoint sign(long treeSize, @Nullable Anchor previous, CheckpointSigner key) {
		var from = previous == null ? 0 : previous.treeSize();
		if (previous != null && treeSize < from) {
			throw new LogDoesNotVerify("the database holds " + treeSize + " entries but the anchor signed at "
					+ previous.signedAt() + " covers " + from + ": entries were deleted");
		}
		// the new entries: contiguous and each as its own leaf hash says, read page by page
		var next = from;
		while (next < treeSize) {
			var page = entries.from(next, (int) Math.min(VERIFY_PAGE, treeSize - next));
			if (page.isEmpty()) {
				throw new LogDoesNotVerify("entry " + next + " is missing from the database");
			}
			for (var e : page) {
				if (e.seq() != next) {
					throw new LogDoesNotVerify("entry " + next + " is missing from the database");
				}
				if (!e.computedLeafHash().equals(e.leafHash())) {
					throw new LogDoesNotVerify("entry " + next + " does not match its leaf hash");
				}
				next++;
			}
		}
		var leaves = leaves(treeSize);
		var tree = new MerkleTree.Frontier();
		if (previous != null && from == 0 && !HEX.formatHex(tree.root()).equals(previous.rootHash())) {
			throw new LogDoesNotVerify("the empty log's anchor has another root");
		}
		for (var leaf : leaves) {
			tree.add(leaf);
			if (previous != null && tree.size() == from && !HEX.formatHex(tree.root()).equals(previous.rootHash())) {
				throw new LogDoesNotVerify("the first " + from + " entries no longer have the root signed at "
						+ previous.signedAt() + ": an entry before " + from + " was rewritten or removed");
			}
		}
		var root = HEX.formatHex(tree.root());
		var at = time.now();
		var checkpoint = new Checkpoint(treeSize, root, at, key.key().algorithm(),
				key.sign(Checkpoint.signedBytes(treeSize, root, at)));
		var anchor = new Anchor(Anchor.FORMAT, treeSize, root, at.toString(), checkpoint.algorithm(),
				checkpoint.signature(), key.key().publicHex(), from, previous == null ? null : previous.rootHash(),
				MerkleTree.consistencyProof(leaves, (int) from).stream().map(HEX::formatHex).toList(),
				leaves.subList((int) from, leaves.size()).stream().map(HEX::formatHex).toList(), key.certificate());
		try {
			anchors.write(anchor);
		}
		catch (NamedObjects.NameTaken another) {
			// another instance anchored this very size a moment ago: its anchor stands
			anchoredSize = treeSize;
			return anchors.read(Anchor.nameOf(treeSize)).checkpoint();
		}
		if (checkpoints.latest().map(c -> c.treeSize() < treeSize).orElse(true)) {
			checkpoints.add(checkpoint);
		}
		anchoredSize = treeSize;
		timestamps.anchored(anchor);
		return checkpoint;
	}

	/** The signing key: the PKCS#11 token's where one is configured, else read from (or first made in) the key file. */
	private CheckpointSigner signingKey() {
		var known = signingKey;
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (signingKey == null) {
				signingKey = ownTransaction.execute(tx -> token.configured() ? keyFromToken() : keyFromFile());
			}
			return signingKey;
		}
	}

	/**
	 * The key file is the only place the private key lives: made there on the first start, and moved there (and
	 * erased from the database) from a database that still holds it from before.
	 */
	private SigningKey keyFromFile() {
		var recorded = checkpoints.key();
		if (recorded.isPresent() && !(recorded.get() instanceof SigningKey)) {
			throw new IllegalStateException("this log is signed with a " + recorded.get().algorithm() + " key held in "
					+ "a PKCS#11 token (public key " + recorded.get().publicHex() + "), not with a key file: configure "
					+ "the token again (lawtrace.audit.pkcs11.*)");
		}
		var fromFile = keyFile.read();
		if (fromFile.isPresent()) {
			var key = fromFile.get();
			if (recorded.isEmpty()) {
				checkpoints.keepKey(key, time.now());
			}
			else if (!recorded.get().publicHex().equalsIgnoreCase(key.publicHex())) {
				throw new IllegalStateException("the audit signing key file " + keyFile.path() + " does not hold the "
						+ "key this log is signed with (public key " + recorded.get().publicHex() + "); put back the "
						+ "log's own key file");
			}
			else if (((SigningKey) recorded.get()).canSign()) {
				checkpoints.erasePrivateKey();
				LOG.warn("Erased the audit log's private signing key from the database; it is kept in {} alone",
						keyFile.path());
			}
			return key;
		}
		if (recorded.isPresent()) {
			if (!((SigningKey) recorded.get()).canSign()) {
				throw new IllegalStateException("the audit signing key file " + keyFile.path() + " is missing, and "
						+ "the database holds only the public key " + recorded.get().publicHex() + ": restore the key "
						+ "file from its backup (lawtrace.audit.key-file)");
			}
			var key = (SigningKey) recorded.get();
			keyFile.write(key);
			checkpoints.erasePrivateKey();
			LOG.warn("Moved the audit log's private signing key out of the database into {} (owner-only); the "
					+ "database keeps only the public key (ART-22)", keyFile.path());
			return key;
		}
		var made = SigningKey.generate();
		keyFile.write(made);
		checkpoints.keepKey(made, time.now());
		LOG.info("Made the audit log's SM2 signing key in {} (owner-only); back this file up: without it no "
				+ "further checkpoint can be signed", keyFile.path());
		return made;
	}

	/**
	 * The log's key in a PKCS#11 token: only ever used inside it. The database records its public key on the first
	 * start, and a token that holds another key is refused, as a key file of another key is.
	 */
	private CheckpointSigner keyFromToken() {
		var signer = token.signer();
		var recorded = checkpoints.key();
		if (recorded.isEmpty()) {
			checkpoints.keepKey(signer.key(), time.now());
			LOG.info("The audit log's checkpoints are signed {} in {}; the private key never leaves the token",
					signer.key().algorithm(), signer);
		}
		else if (!recorded.get().publicHex().equalsIgnoreCase(signer.key().publicHex())) {
			throw new IllegalStateException("the key in " + signer + " is not the key this log is signed with ("
					+ recorded.get().algorithm() + " public key " + recorded.get().publicHex() + "); a log keeps one "
					+ "signing key (changing it is not built): configure the log's own key");
		}
		return signer;
	}

	/** The public key checkpoints are signed with; outside a verification run made now if the log has none yet. */
	public PublicKey publicKey() {
		var key = verifyOnly ? trustedKey().orElseThrow(() -> new NotFound("audit signing key", "public"))
				: signingKey().key();
		return new PublicKey(key.algorithm(), key.curve(), key.publicPem(), key.publicHex());
	}

	/**
	 * The public key anchors must be signed with: the token's or the key file's where it can be read, else the
	 * database's.
	 */
	private Optional<CheckpointKey> trustedKey() {
		var known = signingKey;
		if (known != null) {
			return Optional.of(known.key());
		}
		if (token.configured()) {
			var fromToken = token.publicKey();
			if (fromToken.isPresent()) {
				return fromToken;
			}
		}
		else {
			try {
				var fromFile = keyFile.read();
				if (fromFile.isPresent()) {
					return Optional.of(fromFile.get());
				}
			}
			catch (RuntimeException unreadable) {
				LOG.warn("Could not read the audit signing key file: {}", unreadable.getMessage());
			}
		}
		return Optional.ofNullable(readOnly.execute(tx -> checkpoints.key().orElse(null)));
	}

	/**
	 * Makes the key pair on the first start, so it can be published before the first checkpoint, then checkpoints
	 * at least every {@code lawtrace.audit.checkpoint-interval} while entries come in, and checks the log against its
	 * last anchor; a verification run only reads, and leaves a database without a key as it found it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void keyOnFirstStart() {
		if (!verifyOnly) {
			signingKey();
			started = true;
			var every = checkpointInterval.toMillis();
			checkpointer.execute(this::checkAgainstLastAnchor);
			checkpointer.scheduleWithFixedDelay(() -> {
				try {
					if (readOnly.execute(tx -> entries.nextSeq()) > anchoredSize) {
						checkpointQuietly("every " + checkpointInterval);
					}
				}
				catch (RuntimeException e) {
					LOG.error("Could not look for entries to anchor: {}", e.toString());
				}
			}, every, every, TimeUnit.MILLISECONDS);
			if (!enabled) {
				LOG.warn("AUDIT LOGGING IS OFF (lawtrace.audit.enabled=false): security-relevant events are NOT being "
						+ "logged (ART-22). This setting exists only for benchmarks; never run a bureau like this.");
				store("system", "AUDIT_DISABLED", "SYSTEM", "audit-log", "SUCCESS",
						"lawtrace.audit.enabled=false: events after this entry are not logged until a restart with it on");
			}
		}
	}

	/**
	 * The cheap check at start: the database still holds at least the entries the last anchor covers, with its
	 * signed root; then anchors what came since. A failure is logged and raises an {@link IntegrityAlarm}.
	 */
	void checkAgainstLastAnchor() {
		try {
			var latest = anchors.latest();
			if (latest.isEmpty()) {
				LOG.info("The audit log has no anchor in {} yet; the first is written now", anchors.where());
			}
			else {
				var anchor = latest.get();
				appendFrom = Math.max(appendFrom, anchor.treeSize());
				long size = readOnly.execute(tx -> entries.size());
				var root = size < anchor.treeSize() ? null
						: HEX.formatHex(MerkleTree.root(readOnly.execute(tx -> leaves(anchor.treeSize()))));
				if (!anchor.rootHash().equals(root)) {
					var why = size < anchor.treeSize()
							? "the database holds " + size + " entries but the last anchor (signed at "
									+ anchor.signedAt() + ") covers " + anchor.treeSize()
							: "the first " + anchor.treeSize() + " entries no longer have the root of the last anchor "
									+ "(signed at " + anchor.signedAt() + ")";
					LOG.error("THE AUDIT LOG DOES NOT VERIFY against its anchors in {}: {}; run verify-log (ART-22)",
							anchors.where(), why);
					events.publishEvent(new IntegrityAlarm("LOG_DOES_NOT_VERIFY", "AUDIT_LOG", "audit-log",
							"审计日志与其锚点不符 (the audit log does not match its anchors): " + why));
					return;
				}
				anchoredSize = anchor.treeSize();
				LOG.info("The audit log matches its last anchor ({} entries, signed at {}); {} entries since",
						anchor.treeSize(), anchor.signedAt(), size - anchor.treeSize());
			}
			checkpointQuietly("at start");
		}
		catch (RuntimeException e) {
			LOG.error("Could not check the audit log against its anchors: {}", e.toString(), e);
		}
	}

	/**
	 * At a graceful stop, once every other bean that logs has been closed: a last anchor covers the last entry, so
	 * nothing appended before the stop lies beyond the anchors.
	 */
	@Override
	public void destroy() throws InterruptedException {
		checkpointer.shutdown();
		checkpointer.awaitTermination(30, TimeUnit.SECONDS);
		if (started) {
			try {
				if (readOnly.execute(tx -> entries.size()) > anchoredSize) {
					checkpoint();
					LOG.info("Anchored the audit log at shutdown ({} entries)", anchoredSize);
				}
			}
			catch (RuntimeException e) {
				LOG.error("Could not anchor the audit log at shutdown: {}", e.toString());
			}
		}
	}

	/** The public half of the log's key, in the forms tools read. */
	public record PublicKey(String algorithm, String curve, String pem, String hex) {
	}

	/**
	 * Recomputes every leaf and the tree at every checkpoint, checks the log against the anchors kept outside the
	 * database, and says where the stored log first differs and every difference the anchors show.
	 */
	public Verification verify() {
		return readOnly.execute(tx -> {
			var signed = checkpoints.all();
			var verifier = LogVerifier.over(signed);
			// page by page in sequence order, so a log of millions of entries is never held in memory at once
			var next = 0L;
			var reading = true;
			while (reading) {
				var page = entries.from(next, VERIFY_PAGE);
				for (var e : page) {
					if (!verifier.accept(e)) {
						reading = false;
						break;
					}
				}
				if (page.size() < VERIFY_PAGE) {
					reading = false;
				}
				else {
					next = page.get(page.size() - 1).seq() + 1;
				}
			}
			var stored = entries.size();
			var rows = verifier.finish(stored, signed, checkpoints.key().orElse(null));
			var trusted = trustedKey().map(CheckpointKey::publicHex).orElse(null);
			return rows.with(AnchorVerifier.verify(anchors, entries::from, stored, trusted, this::leaves,
					timestamps.configured(), timestamps.trusted()));
		});
	}

	/** What one person did lately: their newest {@code limit} entries, newest first (ART-21 oversight). */
	public List<AuditEntry> latestBy(String actor, int limit) {
		return readOnly.execute(tx -> entries.latestBy(actor, limit));
	}

	/** A kind of subject and its id, as entries name them: {@code RECORDING} and a recording's id, ... */
	public record Subject(String type, String id) {
	}

	/** Entries about any of these subjects, oldest first, at most {@code limit}: a case's or a package's history. */
	public List<AuditEntry> about(Collection<Subject> subjects, int limit) {
		return readOnly.execute(tx -> {
			var found = entries.about(subjects, Long.MAX_VALUE);
			return found.size() <= limit ? found : List.copyOf(found.subList(0, limit));
		});
	}

	/**
	 * The subjects of one type whose entries mention {@code text} in their details (a case's id, a record's id): how
	 * a case's trail finds its documents, access requests and evidence packages without asking the modules that own
	 * them.
	 */
	public List<Subject> subjectsMentioning(String subjectType, String text) {
		return readOnly.execute(tx -> entries.subjectsMentioning(subjectType, text).stream()
			.map(id -> new Subject(subjectType, id)).toList());
	}

	/**
	 * The chain of custody of these subjects for handing to a court (ART-19, evidence rules): a checkpoint signed
	 * now over the whole log, the public key it verifies with, and every entry about the subjects that checkpoint
	 * covers, each with its RFC 9162 inclusion proof against that checkpoint's root.
	 */
	public CustodyExtract custodyExtract(Collection<Subject> subjects) {
		var signed = checkpoint();
		var key = publicKey();
		return readOnly.execute(tx -> {
			var found = entries.about(subjects, signed.treeSize());
			var paths = MerkleTree.inclusionProofs(leaves(signed.treeSize()),
					found.stream().map(AuditEntry::seq).toList());
			var proven = new ArrayList<ProvenEntry>(found.size());
			for (var i = 0; i < found.size(); i++) {
				proven.add(new ProvenEntry(found.get(i), paths.get(i).stream().map(HEX::formatHex).toList()));
			}
			return new CustodyExtract(signed, key, proven);
		});
	}

	/** Entries with their audit paths against {@code checkpoint}, and the key that signed it. */
	public record CustodyExtract(Checkpoint checkpoint, PublicKey publicKey, List<ProvenEntry> entries) {
	}

	/** An entry and the sibling hashes from its leaf up to the checkpoint's root (RFC 9162 §2.1.3). */
	public record ProvenEntry(AuditEntry entry, List<String> path) {
	}

	public EntryPage entries(@Nullable String subjectType, @Nullable String subjectId, @Nullable String actor,
			int page, int size) {
		return readOnly.execute(tx -> new EntryPage(entries.find(subjectType, subjectId, actor, page, size),
				entries.count(subjectType, subjectId, actor), page, size));
	}

	/** A page of entries, oldest first. */
	public record EntryPage(List<AuditEntry> items, long total, int page, int size) {
	}

	/**
	 * The inclusion proof of an entry (RFC 9162 §2.1.3) against the latest signed checkpoint that covers it, or
	 * else against the log as it is now.
	 */
	public InclusionProof proof(long seq) {
		return readOnly.execute(tx -> {
			var entry = entries.bySeq(seq).orElseThrow(() -> new NotFound("audit entry", Long.toString(seq)));
			Optional<Checkpoint> signed = checkpoints.latest().filter(c -> c.treeSize() > seq);
			var size = signed.map(Checkpoint::treeSize).orElseGet(entries::size);
			var leaves = leaves(size);
			var path = MerkleTree.inclusionProof(leaves, (int) seq).stream().map(HEX::formatHex).toList();
			return new InclusionProof(seq, entry.leafHash(), size, HEX.formatHex(MerkleTree.root(leaves)), path,
					signed.orElse(null));
		});
	}

	/** An entry's leaf hash, the audit path to the root of a tree of {@code treeSize}, and that tree's checkpoint. */
	public record InclusionProof(long seq, String leafHash, long treeSize, String root, List<String> path,
			@Nullable Checkpoint checkpoint) {
	}

	private static String clip(String value, int max) {
		if (value.length() <= max) {
			return value;
		}
		// never cut between the halves of a surrogate pair, which would not store as UTF-8
		var end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
		return value.substring(0, end);
	}

	private List<byte[]> leaves(long treeSize) {
		return entries.leafHashes(treeSize).stream().map(HEX::parseHex).toList();
	}
}
