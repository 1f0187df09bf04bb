package org.lawtrace.audit;

/**
 * The public key a checkpoint's signature is checked with, of the algorithm the checkpoint names (ART-22): SM2 with
 * SM3 ({@link SigningKey}, the key file), or ECDSA over P-256 with SHA-256 ({@link P256Key}, a PKCS#11 token, since
 * neither SoftHSM2 nor the JDK's SunPKCS11 provider offers SM2).
 */
interface CheckpointKey {

	/** The name checkpoints and anchors record: {@code SM2-SM3} or {@code ECDSA-P256-SHA256}. */
	String algorithm();

	/** The curve's usual name: {@code sm2p256v1} or {@code prime256v1}. */
	String curve();

	/** The uncompressed public point, in hex. */
	String publicHex();

	/** The public key as a PEM SubjectPublicKeyInfo. */
	String publicPem();

	/** Whether a DER-encoded signature, in hex, verifies over the message. */
	boolean verifies(byte[] message, String signatureHex);

	/**
	 * The key of a recorded algorithm and public point.
	 *
	 * @throws IllegalArgumentException when the algorithm is unknown or the point is not on its curve.
	 */
	static CheckpointKey of(String algorithm, String publicHex) {
		return switch (algorithm) {
			case SigningKey.ALGORITHM -> SigningKey.of(publicHex, null);
			case P256Key.ALGORITHM -> P256Key.of(publicHex);
			default -> throw new IllegalArgumentException("unknown checkpoint signature algorithm " + algorithm);
		};
	}
}
