package org.lawtrace.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.IntegrityAlarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The store as the rest of the platform reads it (ART-15, ART-22(2)): a whole-blob read is digested as it streams
 * and, when the bytes turn out not to be the recorded ones, the last of them are withheld, the damage is reported
 * (an alarm and a fixity record) and the stream fails, so a client sees an aborted transfer and never a clean copy of
 * wrong bytes. A primary copy already known bad is not read at all while the replica's is good: the officer still
 * gets the evidence, from the other site.
 * <p>
 * Whole reads are what a player's first request and every download are, and checking each costs a SHA-256 pass (about
 * a core at playback rates). A file whose whole read was checked a moment ago, and which has lain on disk unchanged
 * since (its device, inode, size, modification and change time as they were then: any write or replacement changes
 * the change time, which no user can set back), holds the bytes that were checked; such a read goes by zero-copy for
 * {@code whole-read-recheck} (10 minutes) after the check, and the next one after that is checked again. Damage that
 * reaches a file without a write through the file system (a failing disk) is the fixity audit's to find.
 */
final class CheckedBlobStore implements BlobStore {

	private static final Logger log = LoggerFactory.getLogger(CheckedBlobStore.class);

	private final Copies copies;
	private final BlobStore primary;
	private final FixityLedger ledger;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Duration recheckAfter;
	/** Per copy and SHA-256: how the file lay when a whole read last checked it, and when. */
	private final Map<String, Checked> checkedWhole = new ConcurrentHashMap<>();

	private record Checked(Lying lying, java.time.Instant at) {
	}

	CheckedBlobStore(Copies copies, FixityLedger ledger, ApplicationEventPublisher events, Clock clock,
			Duration recheckAfter) {
		this.copies = copies;
		this.primary = copies.primary();
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
		this.recheckAfter = recheckAfter;
	}

	@Override
	public InputStream open(ContentDigest digest) {
		var copy = readable(digest);
		var store = copies.of(copy).orElseThrow();
		var before = !recheckAfter.isZero() && !recheckAfter.isNegative() ? store.lyingAs(digest) : null;
		// the kernel's change times are coarse (a clock tick): a file changed within the last second could be written
		// again within the same tick without its change time moving, so only a file quiet for a second is remembered
		var quiet = before != null && before.changed().isBefore(KERNEL_TIME.instant().minus(QUIET));
		return new CheckingStream(store.open(digest), digest,
				(calculated, size) -> reportDamagedRead(digest, copy, calculated, size), () -> {
					// remembered only when the file lay the same way before and after the bytes were read
					if (quiet && before.equals(store.lyingAs(digest))) {
						if (checkedWhole.size() >= REMEMBERED_AT_MOST) {
							checkedWhole.clear();
						}
						checkedWhole.put(copy + ":" + digest.sha256(), new Checked(before, clock.instant()));
					}
				});
	}

	private static final Duration QUIET = Duration.ofSeconds(1);

	/** A file's change time is the kernel's clock, so it is compared with that, not with the platform's clock. */
	private static final Clock KERNEL_TIME = Clock.systemUTC();

	/** Enough for every recording a bureau plays within the recheck time; beyond it, all are checked afresh. */
	private static final int REMEMBERED_AT_MOST = 10_000;

	/** A range that is the whole blob is a whole read, and is checked as one: players often ask for bytes=0-. */
	@Override
	public InputStream openRange(ContentDigest digest, long offset, long length) {
		if (offset == 0 && length == digest.sizeBytes() && length > 0) {
			return open(digest);
		}
		return copies.of(readable(digest)).orElseThrow().openRange(digest, offset, length);
	}

	/**
	 * A part of a blob goes by zero-copy from the readable copy; a whole read never does, since it is checked as it
	 * streams and the last bytes of a damaged copy are withheld.
	 */
	@Override
	public void requireReachable() {
		primary.requireReachable();
	}

	@Override
	public boolean sendDirect(ContentDigest digest, long offset, long length,
			jakarta.servlet.http.HttpServletRequest request) {
		var copy = readable(digest);
		var store = copies.of(copy).orElseThrow();
		if (offset == 0 && length == digest.sizeBytes() && !checkedAndUnchanged(digest, copy, store)) {
			return false;
		}
		return store.sendDirect(digest, offset, length, request);
	}

	/** Whether a whole read checked this copy's file within the recheck time, and the file lies as it did then. */
	private boolean checkedAndUnchanged(ContentDigest digest, Copy copy, BlobStore store) {
		var checked = checkedWhole.get(copy + ":" + digest.sha256());
		if (checked == null) {
			return false;
		}
		var since = Duration.between(checked.at(), clock.instant());
		if (since.isNegative() || since.compareTo(recheckAfter) > 0) {
			return false;
		}
		return checked.lying().equals(store.lyingAs(digest));
	}

	/** The primary, unless it is known bad and the replica is not. */
	private Copy readable(ContentDigest digest) {
		// without a replica there is nothing else to read: no need to ask the ledger (a query per player's range)
		if (copies.of(Copy.REPLICA).isPresent() && ledger.knownBad(digest.sha256(), Copy.PRIMARY)
				&& !ledger.knownBad(digest.sha256(), Copy.REPLICA)) {
			log.info("Serving blob {} from the replica: its primary copy is known damaged or missing", digest.sha256());
			return Copy.REPLICA;
		}
		return Copy.PRIMARY;
	}

	private void reportDamagedRead(ContentDigest expected, Copy copy, String calculated, long size) {
		var detail = "整件读取时摘要不符 (whole read did not match): calculated sha256=" + calculated + " size>=" + size;
		log.error("Blob {} ({} copy) did not match its record when read whole: {}", expected.sha256(), copy, detail);
		try {
			var alreadyKnown = ledger.knownBad(expected.sha256(), copy);
			ledger.record(expected.sha256(), copy, expected.sizeBytes(), clock.instant(), FixityAudits.SHA256,
					CheckResult.FAILED, size, detail);
			events.publishEvent(FixityStep.failed("FIXITY_READ_FAILED", expected.sha256(), copy, detail));
			if (!alreadyKnown) {
				events.publishEvent(new IntegrityAlarm("FIXITY_FAILED", "BLOB", expected.sha256(),
						(copy == Copy.PRIMARY ? "主存储" : "异地副本") + "中的原始记录在读取时未通过校验，传输已中止 (the "
								+ copy + " copy failed its check while read whole; the transfer was aborted): " + detail));
			}
		}
		catch (RuntimeException e) {
			log.error("Could not record the damaged read of blob {}", expected.sha256(), e);
		}
	}

	@FunctionalInterface
	interface Mismatch {

		void found(String calculatedSha256, long size);
	}

	/**
	 * Passes bytes through while taking their SHA-256; the read that reaches the recorded size checks the digest (and
	 * that nothing follows) before it hands those last bytes out.
	 */
	static final class CheckingStream extends FilterInputStream {

		private final ContentDigest expected;
		private final Mismatch mismatch;
		private final Runnable matched;
		private final MessageDigest sha256;
		private long size;
		private boolean verified;

		CheckingStream(InputStream in, ContentDigest expected, Mismatch mismatch) {
			this(in, expected, mismatch, () -> {
			});
		}

		CheckingStream(InputStream in, ContentDigest expected, Mismatch mismatch, Runnable matched) {
			super(in);
			this.expected = expected;
			this.mismatch = mismatch;
			this.matched = matched;
			try {
				this.sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public int read() throws IOException {
			var one = new byte[1];
			var n = read(one, 0, 1);
			return n <= 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			var n = super.read(buffer, offset, length);
			if (n < 0) {
				if (!verified) {
					fail("truncated");
				}
				return n;
			}
			sha256.update(buffer, offset, n);
			size += n;
			if (size >= expected.sizeBytes() && !verified) {
				if (size > expected.sizeBytes() || super.read() >= 0) {
					fail("longer than recorded");
				}
				var calculated = HexFormat.of().formatHex(sha256.digest());
				if (!calculated.equals(expected.sha256())) {
					mismatch.found(calculated, size);
					throw new IOException("Blob " + expected.sha256() + " does not match its record (calculated "
							+ calculated + "); transfer aborted, the custodian is alerted");
				}
				verified = true;
				matched.run();
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			// skipped bytes would escape the digest: read them instead
			var buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
			var skipped = 0L;
			while (skipped < n) {
				var read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
				if (read < 0) {
					break;
				}
				skipped += read;
			}
			return skipped;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		private void fail(String how) throws IOException {
			mismatch.found("(" + how + ")", size);
			throw new IOException("Blob " + expected.sha256() + " is " + how + " (" + size + " of "
					+ expected.sizeBytes() + " bytes); transfer aborted, the custodian is alerted");
		}
	}

	// everything else is the primary's own

	@Override
	public StoredBlob store(InputStream in, @Nullable String expectedSha256) {
		return primary.store(in, expectedSha256);
	}

	@Override
	public StagedBlob stage(InputStream in, @Nullable String expectedSha256) {
		return primary.stage(in, expectedSha256);
	}

	@Override
	public boolean contains(ContentDigest digest) {
		return primary.contains(digest);
	}

	@Override
	public ContentDigest withSm3(ContentDigest digest) {
		return primary.withSm3(digest);
	}

	@Override
	public ContentDigest verify(ContentDigest digest) {
		return primary.verify(digest);
	}

	@Override
	public StoredBlob derive(ContentDigest source, List<String> command, Duration timeout) {
		return primary.derive(source, command, timeout);
	}

	@Override
	public Set<String> inventory() {
		return primary.inventory();
	}

	@Override
	public String quarantine(ContentDigest digest, java.time.Instant at) {
		return primary.quarantine(digest, at);
	}

	@Override
	public ContentDigest repair(ContentDigest expected, InputStream good) {
		return primary.repair(expected, good);
	}
}
