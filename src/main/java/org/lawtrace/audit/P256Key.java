package org.lawtrace.audit;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An EC P-256 (prime256v1, secp256r1) public key that verifies ECDSA/SHA-256 checkpoint signatures: the kind a
 * PKCS#11 token signs with, since SoftHSM2 and the JDK's SunPKCS11 provider have no SM2 (ADR 0014).
 */
final class P256Key implements CheckpointKey {

	static final String ALGORITHM = "ECDSA-P256-SHA256";
	static final String JCA_SIGNATURE = "SHA256withECDSA";
	private static final HexFormat HEX = HexFormat.of();
	private static final ECParameterSpec P256;

	static {
		try {
			var parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			P256 = parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private final ECPublicKey key;

	private P256Key(ECPublicKey key) {
		this.key = key;
	}

	/** The key of an uncompressed point ({@code 04 || x || y}) in hex. */
	static P256Key of(String publicHex) {
		var bytes = HEX.parseHex(publicHex);
		if (bytes.length != 65 || bytes[0] != 4) {
			throw new IllegalArgumentException("not an uncompressed P-256 point");
		}
		var point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(bytes, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(bytes, 33, 65)));
		try {
			return new P256Key((ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256)));
		}
		catch (GeneralSecurityException notOnTheCurve) {
			throw new IllegalArgumentException("not a P-256 public key: " + notOnTheCurve.getMessage(), notOnTheCurve);
		}
	}

	/**
	 * The key of a JCA public key, such as a token certificate's.
	 *
	 * @throws IllegalArgumentException unless it is an EC key on P-256.
	 */
	static P256Key of(PublicKey publicKey) {
		if (!(publicKey instanceof ECPublicKey ec) || !onP256(ec.getParams())) {
			throw new IllegalArgumentException("not an EC P-256 key (" + publicKey.getAlgorithm() + ")");
		}
		return new P256Key(ec);
	}

	private static boolean onP256(ECParameterSpec params) {
		return params.getCurve().equals(P256.getCurve()) && params.getGenerator().equals(P256.getGenerator())
				&& params.getOrder().equals(P256.getOrder());
	}

	@Override
	public String algorithm() {
		return ALGORITHM;
	}

	@Override
	public String curve() {
		return "prime256v1";
	}

	@Override
	public String publicHex() {
		return HEX.formatHex(point());
	}

	private byte[] point() {
		var out = new byte[65];
		out[0] = 4;
		copy(key.getW().getAffineX(), out, 1);
		copy(key.getW().getAffineY(), out, 33);
		return out;
	}

	private static void copy(BigInteger value, byte[] out, int at) {
		var bytes = value.toByteArray();
		var length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, out, at + 32 - length, length);
	}

	@Override
	public String publicPem() {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(key.getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

	@Override
	public boolean verifies(byte[] message, String signatureHex) {
		try {
			var verifier = Signature.getInstance(JCA_SIGNATURE);
			verifier.initVerify(key);
			verifier.update(message);
			return verifier.verify(HEX.parseHex(signatureHex));
		}
		catch (GeneralSecurityException | IllegalArgumentException unreadable) {
			return false;
		}
	}
}
