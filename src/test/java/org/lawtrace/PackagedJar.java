package org.lawtrace;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code target/lawtrace.jar} run as operators run it, in its own process, on a data directory (and, in the
 * PostgreSQL run, a schema) that survives a restart of the process.
 */
public final class PackagedJar {

	/**
	 * The bean definitions Spring AOT made when the jar was built, as {@code deploy/install.sh} starts the jar (ADR
	 * 0031), so every packaged-jar test runs them.
	 */
	private static final String SPRING_AOT = "-Dspring.aot.enabled=true";

	/**
	 * How the test starts the jar's JVMs: these servers and commands live for seconds, so the client compiler alone and
	 * the serial collector start them faster and leave the machine's other core to the tests running beside them; an
	 * operator's flags change nothing the tests look at.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			SPRING_AOT);

	private final Path dataDir;
	private final String schema;
	private final int port;
	private Process process;
	private Path output;
	private List<String> settings = List.of();
	private Map<String, String> environment = Map.of();

	private PackagedJar(Path dataDir, String schema, int port) {
		this.dataDir = dataDir;
		this.schema = schema;
		this.port = port;
	}

	/** A fresh data directory and database for a server not yet started. */
	public static PackagedJar fresh(String base) throws IOException {
		var schema = TestDatabase.schema(base);
		if (TestDatabase.postgres()) {
			TestDatabase.recreateSchema(schema);
		}
		try (var socket = new ServerSocket(0)) {
			return new PackagedJar(Files.createTempDirectory("lawtrace-jar-"), schema, socket.getLocalPort());
		}
	}

	public int port() {
		return port;
	}

	/** Settings ({@code --name=value}) the server and its commands get from now on, replacing earlier ones. */
	public PackagedJar settings(String... arguments) {
		settings = List.of(arguments);
		return this;
	}

	/** Environment variables the server and its commands get from now on, such as SoftHSM2's {@code SOFTHSM2_CONF}. */
	public PackagedJar environment(Map<String, String> variables) {
		environment = Map.copyOf(variables);
		return this;
	}

	public String log() throws IOException {
		return Files.readString(output, StandardCharsets.UTF_8);
	}

	/** The data directory the jar keeps its database, store and key file in. */
	public Path dataDir() {
		return dataDir;
	}

	/** Starts the server with the demo bureau and waits until it is healthy and has told where to open it. */
	public PackagedJar start() throws Exception {
		return start(new String[0]);
	}

	/** Starts the server like {@link #start()}, with these settings ({@code --name=value}) added. */
	public PackagedJar start(String... settings) throws Exception {
		output = Files.createTempFile("lawtrace-jar-", ".log");
		var command = new ArrayList<>(List.of(java(), "-Xmx512m"));
		command.addAll(JVM_OPTIONS);
		command.addAll(launch());
		command.addAll(List.of("--lawtrace.demo=true", "--server.port=" + port));
		command.addAll(databaseArguments());
		command.addAll(this.settings);
		command.addAll(List.of(settings));
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		process = builder.start();
		awaitHealthy();
		return this;
	}

	/** The arguments that point the jar at this data directory and database. */
	public List<String> databaseArguments() {
		var arguments = new ArrayList<>(List.of("--lawtrace.data-dir=" + dataDir));
		if (TestDatabase.postgres()) {
			arguments.add("--spring.datasource.url=" + jdbcUrl());
			arguments.add("--spring.datasource.username=" + TestDatabase.pgUser());
		}
		return arguments;
	}

	/** The database the jar uses, for a test that reaches into it directly while the server is stopped. */
	public String jdbcUrl() {
		return TestDatabase.postgres() ? TestDatabase.pgUrl() + "?currentSchema=" + schema
				: "jdbc:h2:file:" + dataDir.resolve("db").resolve("lawtrace").toAbsolutePath()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	public String jdbcUser() {
		return TestDatabase.postgres() ? TestDatabase.pgUser() : "sa";
	}

	/** PostgreSQL's test password, or the random one the jar made for its embedded database on its first start. */
	public String jdbcPassword() {
		if (TestDatabase.postgres()) {
			return TestDatabase.pgPassword();
		}
		try (var in = Files.newBufferedReader(dataDir.resolve("db").resolve("credentials"))) {
			var credentials = new java.util.Properties();
			credentials.load(in);
			return credentials.getProperty("password");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Runs one command of the jar on this data directory and database, and answers its exit code and output. */
	public CommandResult command(String name, String... more) throws IOException, InterruptedException {
		var command = new ArrayList<>(List.of(java(), "-Xmx256m"));
		command.addAll(JVM_OPTIONS);
		command.addAll(launch());
		command.add(name);
		command.addAll(List.of(more));
		command.addAll(databaseArguments());
		command.addAll(settings);
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		var process = builder.start();
		var printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new CommandResult(process.waitFor(), printed);
	}

	/** Runs a command of the jar that needs neither server nor database, such as {@code verify-package <zip>}. */
	public static CommandResult offline(String... arguments) throws IOException, InterruptedException {
		var command = new ArrayList<>(List.of(java(), "-Xmx256m"));
		command.addAll(JVM_OPTIONS);
		command.addAll(launch());
		command.addAll(List.of(arguments));
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new CommandResult(process.waitFor(), printed);
	}

	/** What a command printed, and how it exited. */
	public record CommandResult(int exitCode, String output) {
	}

	private static List<String> launch;

	/**
	 * How the JVMs run the jar, the way {@code deploy/install.sh} installs it (ADR 0029): its classes as Spring Boot's
	 * {@code extract} lays them out, with a cache written by one training start, made once per build and kept in
	 * {@code target/cds} for every test JVM of the build. On a JDK of 25 or later ({@link #java()}) the cache is the
	 * JDK's ahead-of-time cache, else a class-data-sharing archive. Both load exactly the jar's classes; if either step
	 * fails the tests run {@code target/lawtrace.jar} itself, only slower.
	 */
	static synchronized List<String> launch() {
		if (launch == null) {
			// the PostgreSQL run has two test JVMs (pom.xml): one makes the cache while the other waits for it
			var lockFile = Path.of("target", "cds.lock");
			try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					var lock = channel.lock()) {
				launch = prepareLaunch();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot lock " + lockFile, e);
			}
		}
		return launch;
	}

	private static List<String> prepareLaunch() {
		var jar = Path.of("target", "lawtrace.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("the build makes target/lawtrace.jar, but it is missing");
		}
		var plain = List.of("-jar", jar.toString());
		var folder = Path.of("target", "cds");
		var extracted = folder.resolve("app").resolve("lawtrace.jar");
		var aot = feature(java()) >= 25;
		var cache = folder.resolve(aot ? "lawtrace.aot" : "lawtrace.jsa");
		var use = aot ? List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off", "-jar", extracted.toString())
				: List.of("-XX:SharedArchiveFile=" + cache, "-jar", extracted.toString());
		try {
			if (Files.exists(cache) && Files.exists(extracted)
					&& Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
				return use;
			}
			deleteTree(folder);
			Files.createDirectories(folder);
			var extract = new ArrayList<>(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
					"--destination", folder.resolve("app").toString()));
			var training = Files.createTempDirectory("lawtrace-cds-");
			var train = new ArrayList<>(List.of(java(), "-Xmx512m"));
			train.addAll(JVM_OPTIONS);
			train.addAll(List.of(aot ? "-XX:AOTCacheOutput=" + cache : "-XX:ArchiveClassesAtExit=" + cache,
					"-jar", extracted.toString(), "--lawtrace.training-run=true", "--lawtrace.demo=true",
					"--server.port=0",
					"--lawtrace.data-dir=" + training));
			try {
				if (runs(extract, folder.resolve("extract.log")) && runs(train, folder.resolve("training.log"))
						&& Files.exists(cache)) {
					return use;
				}
			}
			finally {
				deleteTree(training);
			}
		}
		catch (IOException | InterruptedException e) {
			// below: the plain jar
		}
		System.err.println("PackagedJar: no start cache (see target/cds); running " + jar);
		return plain;
	}

	private static boolean runs(List<String> command, Path log) throws IOException, InterruptedException {
		var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(Patience.of(Duration.ofMinutes(3)).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
				return false;
			}
			return process.exitValue() == 0;
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static @Nullable String chosenJava;

	/**
	 * The JDK the packaged jar runs on: {@code LAWTRACE_TEST_JAVA} (a java binary) if set, else the newest JDK of 25 or
	 * later under {@code /usr/lib/jvm}, as {@code deploy/install.sh} chooses for the instances, else this JVM's own.
	 */
	static synchronized String java() {
		if (chosenJava == null) {
			chosenJava = chooseJava();
		}
		return chosenJava;
	}

	private static String chooseJava() {
		var given = System.getenv("LAWTRACE_TEST_JAVA");
		if (given != null && !given.isBlank()) {
			return given;
		}
		var newest = Path.of(System.getProperty("java.home"), "bin", "java");
		var newestFeature = feature(newest.toString());
		try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
			for (var home : homes.toList()) {
				var candidate = home.resolve("bin").resolve("java");
				var candidateFeature = Files.isExecutable(candidate) ? feature(candidate.toString()) : 0;
				if (candidateFeature >= 25 && candidateFeature > newestFeature) {
					newest = candidate;
					newestFeature = candidateFeature;
				}
			}
		}
		catch (IOException e) {
			// no JDKs there: this JVM's own
		}
		return newest.toString();
	}

	/** A JDK's feature version (17, 25, ...) from its {@code release} file beside {@code bin}; 0 if unknown. */
	private static int feature(String javaBinary) {
		var release = Path.of(javaBinary).toAbsolutePath().getParent().getParent().resolve("release");
		try {
			for (var line : Files.readAllLines(release)) {
				if (line.startsWith("JAVA_VERSION=")) {
					var version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
					return Integer.parseInt(version.split("[.+-]")[0]);
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// unknown
		}
		return 0;
	}

	/** Stops the server politely. */
	public void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			process.waitFor();
		}
	}

	/** Kills the server as a power cut or {@code kill -9} would, with no chance to tidy up. */
	public void kill() throws InterruptedException {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		process.waitFor();
	}

	/**
	 * Waits as long as the server is alive and still making progress (its log grows), so a slow or busy machine gets
	 * the time it needs while a hung one is given up on; giving up always ends the process, so no server outlives
	 * the test that started it.
	 */
	private void awaitHealthy() throws Exception {
		var http = HttpClient.newHttpClient();
		var stallLimit = Patience.of(Duration.ofSeconds(60)).toNanos();
		var progress = new long[] { 0L, System.nanoTime() }; // log size, when it last grew
		try {
			await().atMost(Patience.of(Duration.ofMinutes(5))).pollInterval(Duration.ofMillis(250))
				.until(() -> healthy(http, progress, stallLimit));
		}
		catch (Exception | Error failure) {
			kill();
			throw failure;
		}
	}

	private boolean healthy(HttpClient http, long[] progress, long stallLimit) throws Exception {
		if (!process.isAlive()) {
			throw new IllegalStateException("lawtrace.jar exited: " + log());
		}
		var size = Files.size(output);
		if (size != progress[0]) {
			progress[0] = size;
			progress[1] = System.nanoTime();
		}
		else if (System.nanoTime() - progress[1] > stallLimit) {
			throw new IllegalStateException("lawtrace.jar stopped making progress: " + log());
		}
		try {
			var health = http.send(HttpRequest.newBuilder(URI.create(Api.base(port) + "/actuator/health"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("UP") && log().contains("password \"demo\"");
		}
		catch (IOException notYetListening) {
			return false;
		}
	}

	static {
		// A test that fails between start() and stop() must not leave its server running after the test JVM ends.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current()
			.children()
			.forEach(ProcessHandle::destroyForcibly)));
	}
}
