package org.lawtrace.audit;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real RFC 3161 time-stamping authority over HTTP for tests: BouncyCastle's token and response generators behind
 * the JDK's HttpServer on a free port of 127.0.0.1, signing with a self-signed EC P-256 certificate that carries the
 * timeStamping extended key usage (critical, as RFC 3161 asks; BouncyCastle's generator refuses any other). It can be taken down (HTTP 503) and brought back,
 * and made to misbehave as a broken or hostile TSA would.
 */
final class TestTsa implements AutoCloseable {

	/** How the TSA answers. */
	enum Mode {
		/** a granted response to the request */
		UP,
		/** HTTP 503, as a TSA that is down behind its proxy */
		DOWN,
		/** the previous granted response again, whatever was asked: another imprint and nonce */
		REPLAY
	}

	private final HttpServer server;
	private final X509Certificate certificate;
	private final TimeStampResponseGenerator responses;
	private final AtomicInteger serial = new AtomicInteger();
	private final AtomicInteger granted = new AtomicInteger();
	private final AtomicReference<byte[]> previous = new AtomicReference<>();
	private volatile Mode mode = Mode.UP;

	private TestTsa() throws Exception {
		var generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		var keys = generator.generateKeyPair();
		var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Test TSA, O=LawTrace tests"), BigInteger.TEN,
				Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)),
				new X500Name("CN=Test TSA, O=LawTrace tests"), keys.getPublic());
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
		certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
		var tokens = new TimeStampTokenGenerator(
				new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.getPrivate(), certificate),
				new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
				new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161"));
		tokens.addCertificates(new JcaCertStore(List.of(certificate)));
		responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/tsa", this::answer);
		server.start();
	}

	/** A TSA whose certificate is for time-stamping. */
	static TestTsa start() throws Exception {
		return new TestTsa();
	}

	private void answer(HttpExchange exchange) throws IOException {
		try {
			var body = exchange.getRequestBody().readAllBytes();
			if (mode == Mode.DOWN) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			byte[] reply;
			if (mode == Mode.REPLAY && previous.get() != null) {
				reply = previous.get();
			}
			else {
				var request = new TimeStampRequest(body);
				reply = responses.generateGrantedResponse(request, BigInteger.valueOf(serial.incrementAndGet()),
						new Date()).getEncoded();
				previous.set(reply);
				granted.incrementAndGet();
			}
			exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
			exchange.sendResponseHeaders(200, reply.length);
			exchange.getResponseBody().write(reply);
		}
		catch (Exception e) {
			var message = e.toString().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(500, message.length);
			exchange.getResponseBody().write(message);
		}
		finally {
			exchange.close();
		}
	}

	void mode(Mode mode) {
		this.mode = mode;
	}

	/** How many tokens it has granted. */
	int granted() {
		return granted.get();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
	}

	X509Certificate certificate() {
		return certificate;
	}

	/** Its certificate as a PEM file, for {@code lawtrace.audit.tsa-certificate}. */
	Path certificatePem(Path folder) throws Exception {
		var file = folder.resolve("tsa-" + server.getAddress().getPort() + ".pem");
		Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(certificate.getEncoded())
				+ "\n-----END CERTIFICATE-----\n");
		return file;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
