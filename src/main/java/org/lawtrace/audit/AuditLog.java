package org.lawtrace.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log (审计日志): appends entries one writer at a time with gapless sequence numbers, signs a checkpoint
 * every so many entries and on demand, answers inclusion proofs, and recomputes the whole tree to verify it (ART-22).
 */
@Service
public class AuditLog {

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

	AuditLog(AuditEntries entries, Checkpoints checkpoints, BureauTime time, PlatformTransactionManager transactions,
			@Value("${lawtrace.audit.checkpoint-every:100}") int checkpointEvery,
			@Value("${lawtrace.audit.verify-only:false}") boolean verifyOnly,
			@Value("${lawtrace.audit.enabled:true}") boolean enabled) {
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
		return appendLocked(actor, action, subjectType, subjectId, outcome, detail);
	}

	private AuditEntry store(String actor, String action, String subjectType, String subjectId, String outcome,
			String detail) {
		writer.lock();
		try {
			return ownTransaction.execute(tx -> appendLocked(actor, action, subjectType, subjectId, outcome, detail));
		}
		finally {
			writer.unlock();
		}
	}

	private AuditEntry appendLocked(String actor, String action, String subjectType, String subjectId, String outcome,
			String detail) {
		entries.lockWriter();
		var entry = new AuditEntry(entries.nextSeq(), time.now(), clip(actor, MAX_ACTOR), action, subjectType,
				clip(subjectId, MAX_SUBJECT_ID), outcome, clip(detail, MAX_DETAIL), "").sealed();
		entries.append(entry);
		if ((entry.seq() + 1) % checkpointEvery == 0) {
			sign(entry.seq() + 1);
		}
		return entry;
	}

	/** Signs a checkpoint of the whole log as it is now, unless the latest one already covers it. */
	public Checkpoint checkpoint() {
		writer.lock();
		try {
			return ownTransaction.execute(tx -> {
				entries.lockWriter();
				var size = entries.size();
				var latest = checkpoints.latest();
				return latest.isPresent() && latest.get().treeSize() == size ? latest.get() : sign(size);
			});
		}
		finally {
			writer.unlock();
		}
	}

	private Checkpoint sign(long treeSize) {
		var root = HEX.formatHex(MerkleTree.root(leaves(treeSize)));
		var at = time.now();
		var checkpoint = new Checkpoint(treeSize, root, at, SigningKey.ALGORITHM,
				key().sign(Checkpoint.signedBytes(treeSize, root, at)));
		checkpoints.add(checkpoint);
		return checkpoint;
	}

	/** The signing key, made on first use and kept from then on. */
	private SigningKey key() {
		return checkpoints.key().orElseGet(() -> {
			var made = SigningKey.generate();
			checkpoints.keepKey(made, time.now());
			return made;
		});
	}

	/** The public key checkpoints are signed with, made now if the log has none yet. */
	public PublicKey publicKey() {
		var key = ensureKey();
		return new PublicKey(SigningKey.ALGORITHM, "sm2p256v1", key.publicPem(), key.publicHex());
	}

	/**
	 * Makes the key pair on the first start, so it can be published before the first checkpoint; a verification run
	 * only reads, and leaves a database without a key as it found it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void keyOnFirstStart() {
		if (!verifyOnly) {
			ensureKey();
			if (!enabled) {
				LOG.warn("AUDIT LOGGING IS OFF (lawtrace.audit.enabled=false): security-relevant events are NOT being "
						+ "logged (ART-22). This setting exists only for benchmarks; never run a bureau like this.");
				store("system", "AUDIT_DISABLED", "SYSTEM", "audit-log", "SUCCESS",
						"lawtrace.audit.enabled=false: events after this entry are not logged until a restart with it on");
			}
		}
	}

	private SigningKey ensureKey() {
		writer.lock();
		try {
			return ownTransaction.execute(tx -> {
				entries.lockWriter();
				return key();
			});
		}
		finally {
			writer.unlock();
		}
	}

	/** The public half of the log's key, in the forms tools read. */
	public record PublicKey(String algorithm, String curve, String pem, String hex) {
	}

	/** Recomputes every leaf and the tree at every checkpoint, and says where the stored log first differs. */
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
			return verifier.finish(entries.size(), signed, checkpoints.key().orElse(null));
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
