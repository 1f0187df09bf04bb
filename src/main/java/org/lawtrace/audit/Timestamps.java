package org.lawtrace.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.jspecify.annotations.Nullable;
import org.lawtrace.storage.NamedObjects;
import org.lawtrace.storage.SettingFile;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * RFC 3161 timestamps of the audit log's checkpoints from a time-stamping authority, when
 * {@code lawtrace.audit.tsa-url} names one (issue 12, ADR 0014): each anchor's signature is sent as a TimeStampReq
 * (SHA-256 imprint, nonce, certReq) over HTTP, the response checked (granted, imprint and nonce as asked, signed by a
 * certificate for time-stamping, the configured TSA's where one is set) and the token written once beside the anchor
 * in the write-once store ({@code audit-timestamp-<size>.tsr}).
 * <p>
 * A TSA that is down neither loses nor holds up a checkpoint: the anchor is written first and stays untimestamped,
 * on a thread of its own, and is asked for again every {@code lawtrace.audit.tsa-retry} and at the next start;
 * {@code verify-log} lists the anchors still untimestamped.
 */
@Component
class Timestamps implements DisposableBean {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Timestamps.class);
	private static final String QUERY = "application/timestamp-query";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final AuditAnchors anchors;
	private final @Nullable URI tsa;
	private final @Nullable X509Certificate trusted;
	private final Duration retry;
	private final boolean active;
	private final HttpClient http;
	private final ScheduledExecutorService stamper;
	/** Tree sizes of anchors not yet timestamped, as far as this instance knows. */
	private final Set<Long> pending = new ConcurrentSkipListSet<>();

	Timestamps(AuditAnchors anchors, @Value("${lawtrace.audit.tsa-url:}") String url,
			@Value("${lawtrace.audit.tsa-certificate:}") String certificate,
			@Value("${lawtrace.audit.tsa-retry:PT1M}") Duration retry,
			@Value("${lawtrace.audit.verify-only:false}") boolean verifyOnly) {
		this.anchors = anchors;
		this.tsa = url.isBlank() ? null : URI.create(url.strip());
		if (tsa != null && !"http".equals(tsa.getScheme()) && !"https".equals(tsa.getScheme())) {
			throw new IllegalStateException("lawtrace.audit.tsa-url must be an http or https URL: " + url);
		}
		this.trusted = certificate.isBlank() ? null : readCertificate(certificate.strip());
		if (retry.isNegative() || retry.isZero()) {
			throw new IllegalStateException("lawtrace.audit.tsa-retry must be positive");
		}
		this.retry = retry;
		this.active = tsa != null && !verifyOnly;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		this.stamper = Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "audit-timestamps");
			thread.setDaemon(true);
			return thread;
		});
	}

	private static X509Certificate readCertificate(String file) {
		var bytes = SettingFile.read(file, "lawtrace.audit.tsa-certificate");
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(bytes));
		}
		catch (CertificateException e) {
			throw new IllegalStateException("could not read the TSA's certificate " + file
					+ " (lawtrace.audit.tsa-certificate): " + e.getMessage(), e);
		}
	}

	/** Whether a TSA is configured, so every anchor is expected to get a timestamp. */
	boolean configured() {
		return tsa != null;
	}

	/** The TSA certificate tokens must be signed with, or null to accept any time-stamping certificate. */
	@Nullable
	X509Certificate trusted() {
		return trusted;
	}

	/** An anchor was written: its signature goes to the TSA soon, away from the signer. */
	void anchored(Anchor anchor) {
		if (active) {
			pending.add(anchor.treeSize());
			try {
				stamper.execute(this::stampPending);
			}
			catch (java.util.concurrent.RejectedExecutionException stopped) {
				// stamped at the next start
			}
		}
	}

	/** Finds the anchors a down TSA left untimestamped, and asks again for them every so often. */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!active) {
			return;
		}
		stamper.execute(() -> {
			try {
				var stamped = anchors.timestamped();
				for (var name : anchors.names()) {
					var size = Anchor.sizeOf(name);
					if (size >= 0 && !stamped.contains(size)) {
						pending.add(size);
					}
				}
				if (!pending.isEmpty()) {
					LOG.info("{} audit anchors have no RFC 3161 timestamp yet; asking {} for them", pending.size(), tsa);
				}
			}
			catch (RuntimeException e) {
				LOG.error("Could not list the audit anchors to timestamp: {}", e.toString());
			}
			stampPending();
		});
		var every = retry.toMillis();
		stamper.scheduleWithFixedDelay(this::stampPending, every, every, TimeUnit.MILLISECONDS);
	}

	/** Asks the TSA for every pending anchor, oldest first, and stops at the first failure until the next try. */
	void stampPending() {
		for (var size : pending) {
			try {
				var anchor = anchors.read(Anchor.nameOf(size));
				var token = request(java.util.HexFormat.of().parseHex(anchor.signature()));
				try {
					anchors.writeTimestamp(size, token);
				}
				catch (NamedObjects.NameTaken another) {
					// another instance timestamped it a moment ago
				}
				pending.remove(size);
			}
			catch (TimestampRefused | RuntimeException e) {
				LOG.warn("The audit anchor at size {} is not timestamped: {}; asking {} again in {} ({} waiting)", size,
						e.getMessage(), tsa, retry, pending.size());
				return;
			}
		}
	}

	/**
	 * Asks the TSA to timestamp a checkpoint's signature, and answers the token once it is the one asked for.
	 *
	 * @throws TimestampRefused when the TSA cannot be reached, refuses, or answers with a token that does not hold.
	 */
	byte[] request(byte[] signature) throws TimestampRefused {
		if (tsa == null) {
			throw new IllegalStateException("no TSA is configured (lawtrace.audit.tsa-url)");
		}
		var generator = new TimeStampRequestGenerator();
		generator.setCertReq(true);
		var request = generator.generate(TSPAlgorithms.SHA256, sha256(signature), new BigInteger(64, RANDOM));
		HttpResponse<byte[]> answer;
		try {
			answer = http.send(HttpRequest.newBuilder(tsa).timeout(Duration.ofSeconds(20)).header("Content-Type", QUERY)
				.POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new TimestampRefused("the TSA " + tsa + " cannot be reached: " + e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TimestampRefused("interrupted while asking the TSA");
		}
		if (answer.statusCode() != 200) {
			throw new TimestampRefused("the TSA " + tsa + " answered HTTP " + answer.statusCode());
		}
		try {
			var response = new TimeStampResponse(answer.body());
			if (response.getTimeStampToken() == null) {
				throw new TimestampRefused("the TSA refused: status " + response.getStatus() + " "
						+ response.getStatusString());
			}
			// status granted, imprint and nonce as asked, the certificate asked for included
			response.validate(request);
			var token = response.getTimeStampToken().getEncoded();
			var problem = problem(token, signature, trusted);
			if (problem != null) {
				throw new TimestampRefused("the TSA's token " + problem);
			}
			return token;
		}
		catch (TSPException | IOException | RuntimeException e) {
			throw new TimestampRefused("the TSA's answer does not hold: " + e.getMessage());
		}
	}

	/**
	 * What is wrong with a stored token for a checkpoint's signature, or null when it holds: a SHA-256 imprint of the
	 * signature, signed (valid CMS signature) by a certificate for time-stamping only that was valid at its time, the
	 * configured TSA's where one is given.
	 */
	static @Nullable String problem(byte[] encoded, byte[] signature, @Nullable X509Certificate trusted) {
		TimeStampToken token;
		try {
			token = new TimeStampToken(new CMSSignedData(encoded));
		}
		catch (CMSException | TSPException | IOException | RuntimeException unreadable) {
			return "is not a readable RFC 3161 token";
		}
		var info = token.getTimeStampInfo();
		if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())
				|| !Arrays.equals(info.getMessageImprintDigest(), sha256(signature))) {
			return "timestamps something else: its imprint is not the SHA-256 of the checkpoint's signature";
		}
		var signers = token.getCertificates().getMatches(token.getSID());
		if (signers.isEmpty()) {
			return "carries no certificate of its signer";
		}
		var signer = (X509CertificateHolder) signers.iterator().next();
		try {
			if (trusted != null && !Arrays.equals(signer.getEncoded(), trusted.getEncoded())) {
				return "is signed by " + signer.getSubject() + ", not by the configured TSA ("
						+ trusted.getSubjectX500Principal().getName() + ", lawtrace.audit.tsa-certificate)";
			}
			token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
			return null;
		}
		catch (TSPException invalid) {
			return "does not verify: " + invalid.getMessage();
		}
		catch (OperatorCreationException | CertificateException | IOException e) {
			return "cannot be checked: " + e.getMessage();
		}
	}

	/** When the TSA says the token was made, for a report; null when unreadable. */
	static @Nullable Instant time(byte[] encoded) {
		try {
			return new TimeStampToken(new CMSSignedData(encoded)).getTimeStampInfo().getGenTime().toInstant();
		}
		catch (CMSException | TSPException | IOException | RuntimeException unreadable) {
			return null;
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Once the audit log has written its last anchor at a graceful stop: what is pending is asked for once more, so a
	 * stop with the TSA up leaves no anchor untimestamped.
	 */
	@Override
	public void destroy() throws InterruptedException {
		stamper.shutdown();
		stamper.awaitTermination(60, TimeUnit.SECONDS);
		if (active && !pending.isEmpty()) {
			stampPending();
		}
	}

	/** The TSA could not be asked, or its answer does not hold. */
	static final class TimestampRefused extends Exception {

		TimestampRefused(String message) {
			super(message);
		}
	}
}
