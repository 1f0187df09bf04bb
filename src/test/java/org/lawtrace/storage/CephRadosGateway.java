package org.lawtrace.storage;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ceph's RADOS Gateway on a single-node cluster (one mon, one memstore OSD) from Debian's packages, started and stopped
 * by {@code scripts/s3-server.sh}, which waits by polling until the gateway answers: the real S3 server of issue 16,
 * and one that enforces Object Lock itself.
 */
final class CephRadosGateway implements S3Server, AutoCloseable {

	/** The daemons the script starts; all come with Debian's ceph-mon, ceph-osd, radosgw and ceph-common. */
	static final List<String> PROGRAMS = List.of("ceph-mon", "ceph-osd", "radosgw", "radosgw-admin", "ceph",
			"monmaptool", "ceph-authtool", "curl", "python3");

	private static final Duration START_TIMEOUT = org.lawtrace.Patience.of(Duration.ofSeconds(180));
	private static final Path SCRIPT = Path.of("scripts", "s3-server.sh");

	private final Path directory;
	private final Map<String, String> settings;
	private final Thread stopOnExit;
	private final Duration startedIn;

	private CephRadosGateway(Path directory, Map<String, String> settings, Duration startedIn) {
		this.directory = directory;
		this.settings = settings;
		this.startedIn = startedIn;
		// a test JVM that ends without closing must not leave a cluster behind
		this.stopOnExit = new Thread(() -> runScript("stop", directory, Duration.ofSeconds(60)), "ceph-stop-on-exit");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
	}

	/** The programs of {@link #PROGRAMS} that are not on the PATH. */
	static List<String> missingPrograms() {
		var path = System.getenv().getOrDefault("PATH", "").split(File.pathSeparator);
		return PROGRAMS.stream()
			.filter(program -> java.util.Arrays.stream(path).map(dir -> Path.of(dir, program)).noneMatch(Files::isExecutable))
			.toList();
	}

	static CephRadosGateway start() throws IOException {
		var directory = Files.createTempDirectory("lawtrace-ceph-");
		var began = System.nanoTime();
		var output = runScript("start", directory, START_TIMEOUT);
		var settings = new HashMap<String, String>();
		for (var line : Files.readAllLines(directory.resolve("s3.env"))) {
			var equals = line.indexOf('=');
			if (equals > 0) {
				settings.put(line.substring(0, equals), line.substring(equals + 1).replace("\"", ""));
			}
		}
		if (!settings.containsKey("S3_ENDPOINT")) {
			runScript("stop", directory, Duration.ofSeconds(60));
			throw new IllegalStateException("scripts/s3-server.sh wrote no endpoint:\n" + output);
		}
		return new CephRadosGateway(directory, settings, Duration.ofNanos(System.nanoTime() - began));
	}

	/** Runs the script to its end; a start that fails has stopped what it began (the script does that). */
	private static String runScript(String action, Path directory, Duration timeout) {
		try {
			var log = Files.createTempFile("s3-server-", ".log");
			var process = new ProcessBuilder("bash", SCRIPT.toString(), action, directory.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException("scripts/s3-server.sh " + action + " took more than " + timeout + ":\n"
						+ Files.readString(log));
			}
			var output = Files.readString(log);
			Files.delete(log);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("scripts/s3-server.sh " + action + " failed (" + process.exitValue()
						+ "), logs in " + directory.resolve("log") + ":\n" + output);
			}
			return output;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running scripts/s3-server.sh " + action, e);
		}
	}

	Duration startedIn() {
		return startedIn;
	}

	@Override
	public URI endpoint() {
		return URI.create(settings.get("S3_ENDPOINT"));
	}

	@Override
	public String region() {
		return settings.get("S3_REGION");
	}

	@Override
	public String accessKey() {
		return settings.get("S3_ACCESS_KEY");
	}

	@Override
	public String secretKey() {
		return settings.get("S3_SECRET_KEY");
	}

	@Override
	public String name() {
		return settings.getOrDefault("S3_SERVER", "Ceph RGW");
	}

	@Override
	public boolean enforcesObjectLock() {
		return true;
	}

	@Override
	public void close() {
		try {
			runScript("stop", directory, Duration.ofSeconds(60));
			try (var files = Files.walk(directory)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(stopOnExit);
			}
			catch (IllegalStateException alreadyShuttingDown) {
				// the hook is running or ran
			}
		}
	}
}
