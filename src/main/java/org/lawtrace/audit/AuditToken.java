package org.lawtrace.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lawtrace.storage.OwnerOnlyFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The PKCS#11 token that holds the audit log's signing key, when {@code lawtrace.audit.pkcs11.library} names one
 * (issue 12, ADR 0014): reached through the JDK's SunPKCS11 provider, logged in with the PIN, the private key found
 * by its label and used inside the token, never read out. The key's certificate (same CKA_ID, which SunPKCS11 needs
 * to list the key at all) gives the public key anchors are verified with, and is recorded in each anchor.
 * <p>
 * The key is ECDSA P-256 with SHA-256, not SM2: SoftHSM2 2.6 and the JDK's SunPKCS11 provider have no SM2 mechanism.
 * Outside a verification run the token is opened when the application starts, so a wrong PIN, slot or label stops
 * the start with a message that says which.
 */
@Component
class AuditToken {

	private static final HexFormat HEX = HexFormat.of();

	private final String library;
	private final String slot;
	private final int slotListIndex;
	private final String pin;
	private final String pinFile;
	private final String keyLabel;
	private final @Nullable TokenKey opened;

	AuditToken(@Value("${lawtrace.audit.pkcs11.library:}") String library,
			@Value("${lawtrace.audit.pkcs11.slot:}") String slot,
			@Value("${lawtrace.audit.pkcs11.slot-list-index:0}") int slotListIndex,
			@Value("${lawtrace.audit.pkcs11.pin:}") String pin,
			@Value("${lawtrace.audit.pkcs11.pin-file:}") String pinFile,
			@Value("${lawtrace.audit.pkcs11.key-label:lawtrace-audit}") String keyLabel,
			@Value("${lawtrace.audit.verify-only:false}") boolean verifyOnly) {
		this.library = library.strip();
		this.slot = slot.strip();
		this.slotListIndex = slotListIndex;
		this.pin = pin;
		this.pinFile = pinFile.strip();
		this.keyLabel = keyLabel;
		this.opened = configured() && !verifyOnly ? open() : null;
	}

	/** Whether the log's key is in a token rather than in the key file. */
	boolean configured() {
		return !library.isEmpty();
	}

	/** The token's key, opened at start. */
	TokenKey signer() {
		if (opened == null) {
			throw new IllegalStateException("no PKCS#11 token is configured for signing (lawtrace.audit.pkcs11.library)");
		}
		return opened;
	}

	/** The token's public key for a verification run, or empty (and why, logged) when the token cannot be read. */
	Optional<CheckpointKey> publicKey() {
		if (opened != null) {
			return Optional.of(opened.key());
		}
		try {
			return Optional.of(open().key());
		}
		catch (RuntimeException unreadable) {
			org.slf4j.LoggerFactory.getLogger(AuditToken.class)
				.warn("Could not read the audit log's key from the PKCS#11 token: {}", unreadable.getMessage());
			return Optional.empty();
		}
	}

	/** @throws IllegalStateException naming the setting at fault. */
	private TokenKey open() {
		var where = "the PKCS#11 token (library " + library + ", " + (slot.isEmpty() ? "slot list index " + slotListIndex
				: "slot " + slot) + ")";
		Provider provider;
		try {
			provider = Security.getProvider("SunPKCS11").configure("--name = LawTraceAudit\nlibrary = " + library + "\n"
					+ (slot.isEmpty() ? "slotListIndex = " + slotListIndex : "slot = " + slot) + "\n");
		}
		catch (ProviderException | IllegalArgumentException e) {
			throw new IllegalStateException("could not open " + where + " (lawtrace.audit.pkcs11.library, .slot): "
					+ causes(e), e);
		}
		KeyStore store;
		try {
			store = KeyStore.getInstance("PKCS11", provider);
		}
		catch (GeneralSecurityException | ProviderException e) {
			throw new IllegalStateException("could not open " + where + " (lawtrace.audit.pkcs11.library, .slot): "
					+ causes(e), e);
		}
		try {
			store.load(null, pin().toCharArray());
		}
		catch (IOException | GeneralSecurityException | ProviderException e) {
			var why = causes(e);
			if (why.contains("CKR_PIN_INCORRECT") || why.contains("CKR_PIN_LEN_RANGE")
					|| e.getCause() instanceof java.security.UnrecoverableKeyException) {
				throw new IllegalStateException(where + " refused the PIN (lawtrace.audit.pkcs11.pin or pin-file): "
						+ "wrong PIN, so the audit log cannot sign its checkpoints and the application does not start",
						e);
			}
			throw new IllegalStateException("could not log in to " + where + ": " + why, e);
		}
		try {
			var key = store.getKey(keyLabel, null);
			var certificate = store.getCertificate(keyLabel);
			if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
				throw new IllegalStateException(where + " holds no private key with a certificate labelled \"" + keyLabel
						+ "\" (lawtrace.audit.pkcs11.key-label; SunPKCS11 lists a key only with its certificate of the "
						+ "same CKA_ID); it holds " + Collections.list(store.aliases()));
			}
			P256Key publicKey;
			try {
				publicKey = P256Key.of(x509.getPublicKey());
			}
			catch (IllegalArgumentException notP256) {
				throw new IllegalStateException("the key labelled \"" + keyLabel + "\" in " + where + " is not an EC "
						+ "P-256 key; the audit log signs ECDSA P-256 in a token (SM2 is offered by neither SoftHSM2 "
						+ "nor the JDK's SunPKCS11)", notP256);
			}
			var token = new TokenKey(provider, privateKey, publicKey,
					Base64.getEncoder().encodeToString(x509.getEncoded()), where + ", key \"" + keyLabel + "\"");
			var probe = "lawtrace-audit-token-check\n".getBytes(StandardCharsets.UTF_8);
			if (!publicKey.verifies(probe, token.sign(probe))) {
				throw new IllegalStateException("the key labelled \"" + keyLabel + "\" in " + where + " does not match "
						+ "its certificate (" + x509.getSubjectX500Principal().getName() + ")");
			}
			return token;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not read the key labelled \"" + keyLabel + "\" in " + where + ": "
					+ causes(e), e);
		}
	}

	private String pin() {
		if (!pinFile.isEmpty()) {
			// a secret: read like the key file, narrowed to its owner if others could read it
			var file = OwnerOnlyFile.at(pinFile);
			return new String(file.read().orElseThrow(() -> new IllegalStateException("the PKCS#11 PIN file "
					+ file.location() + " is missing (lawtrace.audit.pkcs11.pin-file)")), StandardCharsets.UTF_8).strip();
		}
		if (pin.isEmpty()) {
			throw new IllegalStateException("the PKCS#11 token needs a PIN: set lawtrace.audit.pkcs11.pin-file (or .pin)");
		}
		return pin;
	}

	private static String causes(Throwable e) {
		var out = new StringBuilder();
		for (var t = e; t != null; t = t.getCause()) {
			if (out.length() > 0) {
				out.append(": ");
			}
			out.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
		}
		return out.toString();
	}

	@Override
	public String toString() {
		return "PKCS#11 library " + library + (slot.isEmpty() ? ", slot list index " + slotListIndex : ", slot " + slot)
				+ ", key \"" + keyLabel + "\"";
	}

	/** A P-256 private key that stays in the token, with its certificate. */
	static final class TokenKey implements CheckpointSigner {

		private final Provider provider;
		private final PrivateKey privateKey;
		private final P256Key publicKey;
		private final String certificate;
		private final String where;

		private TokenKey(Provider provider, PrivateKey privateKey, P256Key publicKey, String certificate, String where) {
			this.provider = provider;
			this.privateKey = privateKey;
			this.publicKey = publicKey;
			this.certificate = certificate;
			this.where = where;
		}

		@Override
		public CheckpointKey key() {
			return publicKey;
		}

		@Override
		public String sign(byte[] message) {
			try {
				var signer = Signature.getInstance(P256Key.JCA_SIGNATURE, provider);
				signer.initSign(privateKey);
				signer.update(message);
				return HEX.formatHex(signer.sign());
			}
			catch (GeneralSecurityException | ProviderException e) {
				throw new IllegalStateException("signing in " + where + " failed: " + causes(e), e);
			}
		}

		@Override
		public String certificate() {
			return certificate;
		}

		@Override
		public String toString() {
			return where;
		}
	}
}
