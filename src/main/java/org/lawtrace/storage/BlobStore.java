package org.lawtrace.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;

/**
 * The write-once store of originals (原始记录存储): content goes in once, is named by its digest, and can only be
 * read and re-verified afterwards; there is deliberately no way to delete or overwrite a blob.
 */
public interface BlobStore {

	/**
	 * Streams {@code in} to the store once, computing SHA-256 and SM3 on the way, without holding the content in
	 * memory. Storing bytes that are already present changes nothing.
	 *
	 * @param in the content, read to its end but not closed, must not be {@literal null}.
	 * @param expectedSha256 the SHA-256 the sender announced, in hex; {@literal null} when none was announced.
	 * @return the digest of what was read and whether the store already held it, will never be {@literal null}.
	 * @throws InvalidInput on field {@code file} for empty content, and on field {@code sha256} when
	 *         {@code expectedSha256} is malformed; {@link org.lawtrace.shared.Unprocessable} on field {@code sha256}
	 *         when it does not match the content ({@link DigestMismatch}); nothing is left behind then.
	 */
	StoredBlob store(InputStream in, @Nullable String expectedSha256);

	/**
	 * Receives content like {@link #store} but holds it aside until the caller has checked it; see
	 * {@link StagedBlob}. Close the result in a try-with-resources block.
	 *
	 * @param in the content, read to its end but not closed, must not be {@literal null}.
	 * @param expectedSha256 the SHA-256 the sender announced, in hex; {@literal null} when none was announced.
	 * @return the staged content, will never be {@literal null}.
	 * @throws InvalidInput as {@link #store} does; nothing is left behind then.
	 */
	StagedBlob stage(InputStream in, @Nullable String expectedSha256);

	/**
	 * @param digest must not be {@literal null}.
	 * @return whether a blob with that SHA-256 is stored.
	 */
	boolean contains(ContentDigest digest);

	/**
	 * @param digest must not be {@literal null}.
	 * @return the whole blob; the caller closes it. Will never be {@literal null}.
	 * @throws NotFound when no such blob is stored.
	 */
	InputStream open(ContentDigest digest);

	/**
	 * Opens exactly {@code length} bytes of a blob, starting at byte {@code offset} (HTTP {@code Range: bytes=a-b}
	 * is {@code offset = a, length = b - a + 1}).
	 *
	 * @param digest must not be {@literal null}.
	 * @param offset the first byte, from 0.
	 * @param length how many bytes; 0 gives an empty stream.
	 * @return a stream of exactly {@code length} bytes; the caller closes it. Will never be {@literal null}.
	 * @throws InvalidInput on field {@code range} when the range does not lie within the blob.
	 * @throws NotFound when no such blob is stored.
	 */
	InputStream openRange(ContentDigest digest, long offset, long length);

	/**
	 * Whether the store can be reached now, for readiness: a lookup that reads nothing.
	 *
	 * @throws RuntimeException when it cannot (a file system's folder gone or read-only, an object store unreachable).
	 */
	default void requireReachable() {
		contains(new ContentDigest("0".repeat(64), null, 1));
	}

	/**
	 * Zero-copy playback: hands {@code length} bytes from {@code offset} of a blob to the servlet container, to be
	 * sent straight from the blob's file by the kernel ({@code sendfile}) once the caller returns, without passing
	 * through the heap. Only a store on a file system can, only when the container offers it for this request, and
	 * never for a read that must be checked as it streams (a whole read, see {@code CheckedBlobStore}). The caller
	 * has set the status and headers, {@code Content-Length} included, and writes no body when this answers true.
	 *
	 * @param digest must not be {@literal null}.
	 * @param offset the first byte, from 0.
	 * @param length how many bytes, at least 1.
	 * @param request the request being answered, must not be {@literal null}.
	 * @return whether the container will send the bytes; {@literal false} when the caller must stream
	 *         {@link #openRange} itself.
	 * @throws InvalidInput on field {@code range} when the range does not lie within the blob.
	 */
	default boolean sendDirect(ContentDigest digest, long offset, long length,
			jakarta.servlet.http.HttpServletRequest request) {
		return false;
	}

	/**
	 * What the blob's bytes lie in as of now, as far as the store can tell without reading them: for a file, its
	 * device, inode, size, modification and change times. Any write to the file, and any replacement of it, changes
	 * this (the change time cannot be set back by a user), so two equal answers mean nobody wrote the file between
	 * them. {@literal null} where the store cannot say (an object store).
	 *
	 * @param digest must not be {@literal null}.
	 */
	default @Nullable Lying lyingAs(ContentDigest digest) {
		return null;
	}

	/**
	 * How a blob's file lies: {@code file} names its device, inode, size, modification and change times;
	 * {@code changed} is the change time, the kernel's clock when the file was last written or its attributes set.
	 */
	record Lying(String file, java.time.Instant changed) {
	}

	/**
	 * Computes the SM3 digest of a stored blob, which storing leaves for afterwards (see {@link ContentDigest}),
	 * re-reading it whole and checking its SHA-256 and size on the way, so this is also a first fixity check.
	 *
	 * @param digest what the blob is recorded to be, must not be {@literal null}.
	 * @return the digest with its SM3, will never be {@literal null}.
	 * @throws BlobCorrupted when the stored bytes no longer match {@code digest}.
	 * @throws NotFound when no such blob is stored.
	 */
	default ContentDigest withSm3(ContentDigest digest) {
		return verify(digest);
	}

	/**
	 * Re-reads a stored blob and recomputes both digests and its size (fixity check, 固定性校验).
	 *
	 * @param digest what the blob is recorded to be, must not be {@literal null}.
	 * @return the recomputed digest with both digests, equal to {@code digest}. Will never be {@literal null}.
	 * @throws BlobCorrupted when the stored bytes no longer match {@code digest}.
	 * @throws NotFound when no such blob is stored.
	 */
	ContentDigest verify(ContentDigest digest);

	/**
	 * Makes a new blob from a stored one by running a program over it (a poster frame or a playable copy of a video):
	 * the program reads the blob as a local file and writes the derived content to its standard output, which is
	 * stored like any other content. The source blob is only ever read (ART-22(2)); it stays the evidence.
	 *
	 * @param source the blob to read, must not be {@literal null}.
	 * @param command the program and its arguments, must not be {@literal null}; every occurrence of {@code {input}}
	 *        is replaced by the name of a seekable local file holding the blob: the blob's own read-only file, or on an
	 *        object store a temporary copy deleted afterwards. Standard input is closed.
	 * @param timeout how long the program may run before it is killed, must not be {@literal null}.
	 * @return the derived blob, and whether identical content was stored before. Will never be {@literal null}.
	 * @throws NotFound when no such blob is stored.
	 * @throws DerivationFailed when the program cannot start, exits with a status other than 0, runs out of time or
	 *         writes nothing; nothing is stored then.
	 * @throws IllegalArgumentException when {@code command} does not contain {@code {input}}.
	 */
	StoredBlob derive(ContentDigest source, List<String> command, Duration timeout);

	/**
	 * Lists what the store holds, for reconciling it with the records that name its blobs.
	 *
	 * @return the SHA-256 (hex) of every stored blob, will never be {@literal null}.
	 */
	java.util.Set<String> inventory();

	/**
	 * Takes a copy that failed its fixity check out of service without destroying it (隔离): on a filesystem the file
	 * is moved under {@code <root>/quarantine/} with the time in its name; on an object store it is copied under
	 * {@code quarantine/} and reads skip the blob's own key until it is repaired. Nothing is ever deleted: the damaged
	 * bytes stay for whoever investigates.
	 *
	 * @param digest what the blob is recorded to be, must not be {@literal null}.
	 * @param at when, for the quarantined copy's name; must not be {@literal null}.
	 * @return where the damaged copy now lies, for the log; will never be {@literal null}.
	 * @throws NotFound when the store holds no such blob (a missing copy needs no quarantine).
	 */
	String quarantine(ContentDigest digest, java.time.Instant at);

	/**
	 * The one narrow exception to write-once: puts a good copy back where a quarantined or missing one was (修复). The
	 * content is staged and checked against BOTH recorded digests and the size before it takes the blob's name.
	 *
	 * @param expected what the records say the blob is, must not be {@literal null}.
	 * @param good the content of a copy that passed its check, read to its end but not closed.
	 * @return the digest of what was placed, equal to {@code expected}; will never be {@literal null}.
	 * @throws BlobCorrupted when {@code good} does not match {@code expected}; nothing is placed then.
	 * @throws IllegalStateException when the store still holds a copy under the blob's name that was not quarantined.
	 */
	ContentDigest repair(ContentDigest expected, InputStream good);
}
