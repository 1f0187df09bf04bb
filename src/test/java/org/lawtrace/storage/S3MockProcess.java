package org.lawtrace.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adobe S3Mock, a real S3 server, run from its exec jar in a JVM of its own: it is a Spring Boot 3 application and
 * would clash with our Boot 4 classpath. Maven copies the jar to {@code target/s3mock} before the tests run.
 */
final class S3MockProcess implements S3Server, AutoCloseable {

	private static final Duration START_TIMEOUT = org.lawtrace.Patience.of(Duration.ofSeconds(90));

	private final Process process;
	private final Thread killOnExit;
	private final URI endpoint;

	private S3MockProcess(Process process, URI endpoint) {
		this.process = process;
		this.endpoint = endpoint;
		// a test JVM that dies must not leave a server behind
		this.killOnExit = new Thread(process::destroyForcibly, "s3mock-kill-on-exit");
		Runtime.getRuntime().addShutdownHook(killOnExit);
	}

	private static S3MockProcess shared;

	/**
	 * The one S3Mock of this test JVM, started on first use: a server start costs seconds, and tests keep apart by
	 * using buckets of their own. The shutdown hook stops it with the JVM.
	 */
	static synchronized S3MockProcess shared() throws IOException, InterruptedException {
		if (shared == null || !shared.process.isAlive()) {
			shared = start(Files.createTempDirectory("s3mock-"));
		}
		return shared;
	}

	static S3MockProcess start(Path workDirectory) throws IOException, InterruptedException {
		var jar = Path.of(System.getProperty("lawtrace.test.s3mock-jar", "target/s3mock/s3mock-exec.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("S3Mock is missing at " + jar.toAbsolutePath()
					+ "; run ./mvnw test-compile (maven-dependency-plugin copies it) before running the S3 tests");
		}
		var port = freePort();
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
				"--server.address=127.0.0.1", "--server.port=0", "--com.adobe.testing.s3mock.httpPort=" + port,
				"--com.adobe.testing.s3mock.store.root=" + workDirectory.resolve("data"),
				"--spring.main.banner-mode=off", "--logging.level.root=WARN"))
			.redirectErrorStream(true)
			.redirectOutput(workDirectory.resolve("s3mock.log").toFile())
			.start();
		var server = new S3MockProcess(process, URI.create("http://127.0.0.1:" + port));
		try {
			server.awaitReady(workDirectory.resolve("s3mock.log"));
		}
		catch (IOException | RuntimeException | InterruptedException e) {
			server.close();
			throw e;
		}
		return server;
	}

	@Override
	public URI endpoint() {
		return endpoint;
	}

	@Override
	public String region() {
		return "us-east-1";
	}

	/** S3Mock takes any credentials. */
	@Override
	public String accessKey() {
		return "test-access-key";
	}

	@Override
	public String secretKey() {
		return "test-secret-key";
	}

	@Override
	public String name() {
		return "S3Mock";
	}

	@Override
	public boolean enforcesObjectLock() {
		return false;
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(killOnExit);
			}
			catch (IllegalStateException alreadyShuttingDown) {
				// the hook is running or ran; nothing left to undo
			}
		}
	}

	private void awaitReady(Path log) throws IOException, InterruptedException {
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		var listBuckets = HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(5)).build();
		try {
			// polled until it answers, within a bound that scales with the machine (Patience), never a fixed wait
			org.awaitility.Awaitility.await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
				.until(() -> {
					if (!process.isAlive()) {
						throw new IllegalStateException(
								"S3Mock exited with " + process.exitValue() + ":\n" + Files.readString(log));
					}
					try {
						return http.send(listBuckets, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
					}
					catch (IOException notListeningYet) {
						return false;
					}
				});
			return;
		}
		catch (org.awaitility.core.ConditionTimeoutException late) {
			// named below with the server's log
		}
		throw new IllegalStateException("S3Mock did not answer within " + START_TIMEOUT + ":\n" + Files.readString(log));
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
