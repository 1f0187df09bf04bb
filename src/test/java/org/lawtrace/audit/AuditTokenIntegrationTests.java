package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.RunsBesideOtherTests;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.SoftHsmAvailable;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ART-22, issue 12: the audit log's signing key held in a PKCS#11 token (SoftHSM2, made afresh for each test in its
 * own SOFTHSM2_CONF folder): an EC P-256 key pair generated inside the token, never extractable, with a certificate
 * of the same CKA_ID issued by a test CA. The packaged jar signs its checkpoints in the token, anchors them with the
 * token's certificate, and {@code verify-log} checks them; a wrong PIN stops the start with a clear message.
 */
@RunsBesideOtherTests
@ExtendWith({ RealDatabaseAvailable.class, SoftHsmAvailable.class })
class AuditTokenIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String PIN = "471108";
	private static final String LABEL = "lawtrace-audit";

	@TempDir
	Path hsm;

	/** A SoftHSM2 token with the log's key pair and its certificate, as a bureau's administrator would prepare it. */
	private record Token(Path config, String slot, byte[] publicKeyInfo, byte[] certificate) {

		Map<String, String> environment() {
			return Map.of("SOFTHSM2_CONF", config.toString());
		}

		/** The uncompressed public point, as anchors name it. */
		String publicHex() {
			return HexFormat.of().formatHex(SubjectPublicKeyInfo.getInstance(publicKeyInfo).getPublicKeyData().getBytes());
		}
	}

	private Token token() throws Exception {
		Files.createDirectories(hsm.resolve("tokens"));
		var config = hsm.resolve("softhsm2.conf");
		Files.writeString(config, "directories.tokendir = " + hsm.resolve("tokens") + "\nobjectstore.backend = file\n"
				+ "log.level = ERROR\n");
		var env = Map.of("SOFTHSM2_CONF", config.toString());
		var init = run(env, "softhsm2-util", "--init-token", "--free", "--label", "lawtrace", "--pin", PIN, "--so-pin",
				"12345678");
		var slot = Pattern.compile("reassigned to slot (\\d+)").matcher(init);
		assertThat(slot.find()).as(init).isTrue();
		var module = SoftHsmAvailable.library().toString();
		var tool = List.of("pkcs11-tool", "--module", module, "--token-label", "lawtrace");
		// generated inside the token: pkcs11-tool marks the private key sensitive and never extractable
		run(env, concat(tool, "--login", "--pin", PIN, "--keypairgen", "--key-type", "EC:prime256v1", "--id", "01",
				"--label", LABEL));
		var publicKey = hsm.resolve("public.der");
		run(env, concat(tool, "--read-object", "--type", "pubkey", "--id", "01", "--output-file", publicKey.toString()));
		var spki = Files.readAllBytes(publicKey);
		// the bureau's CA certifies the token's public key; SunPKCS11 lists a key only with its certificate
		var ca = KeyPairGenerator.getInstance("EC");
		ca.initialize(256);
		var caKeys = ca.generateKeyPair();
		var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		var builder = new X509v3CertificateBuilder(new X500Name("CN=Test bureau CA"), BigInteger.TWO,
				Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
				new X500Name("CN=LawTrace audit log, O=Test bureau"), SubjectPublicKeyInfo.getInstance(spki));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		var certificate = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()))
			.getEncoded();
		var certificateFile = hsm.resolve("certificate.der");
		Files.write(certificateFile, certificate);
		run(env, concat(tool, "--login", "--pin", PIN, "--write-object", certificateFile.toString(), "--type", "cert",
				"--id", "01", "--label", LABEL));
		return new Token(config, slot.group(1), spki, certificate);
	}

	private PackagedJar server(Token token, String schema, String pinFile) throws Exception {
		return PackagedJar.fresh(schema).environment(token.environment()).settings(
				"--lawtrace.audit.pkcs11.library=" + SoftHsmAvailable.library(),
				"--lawtrace.audit.pkcs11.slot=" + token.slot(), "--lawtrace.audit.pkcs11.pin-file=" + pinFile,
				"--lawtrace.audit.pkcs11.key-label=" + LABEL);
	}

	private Path pinFile(String pin) throws Exception {
		var file = hsm.resolve("pin-" + pin);
		Files.writeString(file, pin + "\n");
		return file;
	}

	@Test
	@DisplayName("ART-22, issue 12: checkpoints are signed ECDSA P-256 in the PKCS#11 token, anchored with the token's "
			+ "certificate, verified by verify-log; the private key is in no file and nowhere in the database")
	void checkpointsSignedInTheTokenVerify() throws Exception {
		var token = token();
		var server = server(token, "lawtrace_token", pinFile(PIN).toString());
		server.start();
		var anchors = server.dataDir().resolve("store").resolve("anchors");
		try {
			var port = server.port();
			for (var i = 0; i < 3; i++) {
				Api.as(port, "nobody.token" + i, "wrong").get().uri("/api/v1/cases").exchange().expectStatus()
					.isUnauthorized();
			}
			Api.openCase(port, Api.newCaseNumber());
			Api.as(port, "zhou.tao").post().uri("/api/v1/audit/checkpoints").exchange().expectStatus().isCreated()
				.expectBody().jsonPath("$.algorithm").isEqualTo("ECDSA-P256-SHA256");
			Api.as(port, "zhou.tao").get().uri("/api/v1/audit/public-key").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.algorithm").isEqualTo("ECDSA-P256-SHA256")
				.jsonPath("$.hex").isEqualTo(token.publicHex());
		}
		finally {
			server.stop();
		}
		assertThat(server.log()).contains("signed ECDSA-P256-SHA256 in the PKCS#11 token (library ")
			.contains("the private key never leaves the token");

		// every anchor names the token's key and certificate, and its signature verifies with the certificate's key,
		// checked here with the JDK alone
		var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(token.certificate()));
		var files = listAnchors(anchors);
		assertThat(files).hasSizeGreaterThanOrEqualTo(2);
		for (var file : files) {
			@SuppressWarnings("unchecked")
			var anchor = (Map<String, Object>) JSON.readValue(file.toFile(), Map.class);
			assertThat(anchor).containsEntry("algorithm", "ECDSA-P256-SHA256")
				.containsEntry("publicKey", token.publicHex())
				.containsEntry("certificate", Base64.getEncoder().encodeToString(token.certificate()));
			var verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(Checkpoint.signedBytes(((Number) anchor.get("treeSize")).longValue(),
					(String) anchor.get("rootHash"), Instant.parse((String) anchor.get("signedAt"))));
			assertThat(verifier.verify(HexFormat.of().parseHex((String) anchor.get("signature")))).as(file.toString())
				.isTrue();
		}
		var untouched = server.command("verify-log");
		assertThat(untouched.output()).contains("OK: ").contains("0 entries lie beyond the last anchor");
		assertThat(untouched.exitCode()).isZero();

		// the private key: no key file was made, the database has only the public key, no file holds a private key,
		// and the token holds it as sensitive and never extractable
		assertThat(server.dataDir().resolve("keys").resolve("audit-signing-key.pem")).doesNotExist();
		try (var db = connect(server); var statement = db.createStatement();
				var rs = statement.executeQuery("select algorithm, public_key, private_key from audit_signing_key")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString("algorithm")).isEqualTo("ECDSA-P256-SHA256");
			assertThat(rs.getString("public_key")).isEqualTo(token.publicHex());
			assertThat(rs.getString("private_key")).isNull();
		}
		try (var walk = Files.walk(server.dataDir())) {
			for (var file : walk.filter(Files::isRegularFile).toList()) {
				assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
					.doesNotContain("PRIVATE KEY");
			}
		}
		var objects = run(token.environment(), "pkcs11-tool", "--module", SoftHsmAvailable.library().toString(),
				"--token-label", "lawtrace", "--login", "--pin", PIN, "--list-objects", "--type", "privkey");
		assertThat(objects).contains("label:      " + LABEL).contains("never extractable");

		// a forged signature on an anchor signed in the token is found
		var last = files.get(files.size() - 1);
		var genuine = Files.readString(last);
		@SuppressWarnings("unchecked")
		var fields = (Map<String, Object>) JSON.readValue(genuine, Map.class);
		var signature = (String) fields.get("signature");
		fields.put("signature", signature.substring(0, signature.length() - 2) + (signature.endsWith("00") ? "01" : "00"));
		replace(last, JSON.writeValueAsString(fields));
		var forged = server.command("verify-log");
		assertThat(forged.output()).contains("ANCHOR_SIGNATURE").contains("does not verify");
		assertThat(forged.exitCode()).isEqualTo(1);
		replace(last, genuine);
		assertThat(server.command("verify-log").exitCode()).isZero();
	}

	@Test
	@DisplayName("ART-22, issue 12: a wrong PIN for the PKCS#11 token stops the start with a message that says so")
	void wrongPinStopsTheStart() throws Exception {
		var token = token();
		var server = server(token, "lawtrace_token_pin", pinFile("000000").toString());
		assertThatThrownBy(server::start).hasMessageContaining("lawtrace.jar exited")
			.hasMessageContaining("refused the PIN (lawtrace.audit.pkcs11.pin or pin-file)");
		assertThat(server.dataDir().resolve("keys").resolve("audit-signing-key.pem")).doesNotExist();
	}

	private static String run(Map<String, String> env, List<String> command) throws Exception {
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(env);
		var process = builder.start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(command + ": " + output).isZero();
		return output;
	}

	private static String run(Map<String, String> env, String... command) throws Exception {
		return run(env, List.of(command));
	}

	private static List<String> concat(List<String> first, String... more) {
		var all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return all;
	}

	private static void replace(Path file, String content) throws Exception {
		Files.delete(file);
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private static List<Path> listAnchors(Path folder) throws Exception {
		try (var files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().startsWith("audit-log-")).sorted().toList();
		}
	}

	private static Connection connect(PackagedJar server) throws Exception {
		return DriverManager.getConnection(server.jdbcUrl(), server.jdbcUser(), server.jdbcPassword());
	}
}
