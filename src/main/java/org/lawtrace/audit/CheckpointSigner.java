package org.lawtrace.audit;

import org.jspecify.annotations.Nullable;

/** What signs the log's checkpoints: the SM2 key of the key file, or a key that never leaves a PKCS#11 token. */
interface CheckpointSigner {

	/** The public half, which anchors name and checkpoints are verified with. */
	CheckpointKey key();

	/** A DER-encoded signature over the message, in hex, of {@link CheckpointKey#algorithm()}. */
	String sign(byte[] message);

	/** The key's X.509 certificate (DER, base64) where the key comes with one, as a token's does; else null. */
	@Nullable
	String certificate();
}
