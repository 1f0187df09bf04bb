package org.lawtrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.LawTraceApplication;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.TestDatabase;
import org.lawtrace.audit.AuditApi;
import org.lawtrace.cases.CaseApi;
import org.lawtrace.collector.TusClient;
import org.lawtrace.access.AccessApi;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Two LawTrace instances on one database and one data directory, as behind a load balancer (issue 16): what one
 * instance began or decided, the other continues or enforces, scheduled work runs once, and both write one audit
 * log. Runs on embedded H2 (both contexts in this JVM share the file database) and, in the PostgreSQL run, on
 * PostgreSQL, where the two instances' appends meet in the database's row lock. Not a {@code LawTraceIntegrationTest}:
 * that is one shared context, and this needs two of its own on one fresh database (made the same way).
 */
@ExtendWith(RealDatabaseAvailable.class)
class ClusterIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext a;
	private static ConfigurableApplicationContext b;
	private static Path dataDir;

	@BeforeAll
	static void startTwoInstances() {
		var shared = new java.util.HashMap<String, Object>(
				TestDatabase.freshProperties(TestDatabase.schema("lawtrace_cluster")));
		dataDir = Path.of((String) shared.get("lawtrace.data-dir"));
		shared.put("server.port", "0");
		shared.put("lawtrace.demo", "true");
		shared.put("lawtrace.compliance.rule-pack-refresh", "PT0.5S");
		a = instance(shared);
		// the second instance finds the demo bureau seeded and the schema migrated, as a second node does
		b = instance(shared);
	}

	private static ConfigurableApplicationContext instance(Map<String, Object> properties) {
		// as arguments, since default properties would yield to application.properties
		return new SpringApplicationBuilder(LawTraceApplication.class)
			.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	@Test
	@DisplayName("ART-20: signed in on the login form of one instance, the user is served by the other, and signed "
			+ "out on the other, by neither")
	void aSessionBegunOnOneInstanceIsServedByTheOther() throws Exception {
		var http = HttpClient.newHttpClient();
		var login = page(http, port(a), "/login", null);
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(Api.base(port(a)) + "/login"))
			.header("Cookie", login[0]).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=zhang.wei&password=demo&_csrf="
					+ java.net.URLEncoder.encode(login[1], StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		var cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
			.findFirst().map(v -> v.split(";")[0]).orElseThrow();

		// the other instance knows the session: its pages answer the signed-in officer, not the login form
		var home = page(http, port(b), "/", cookie);
		assertThat(home[0]).as("the same session, not a new one").isEqualTo(cookie);

		// acting on the other instance with the session's CSRF token: signing out there ends it everywhere
		var signedOut = http.send(HttpRequest.newBuilder(URI.create(Api.base(port(b)) + "/logout"))
			.header("Cookie", cookie).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(home[1],
					StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signedOut.headers().firstValue("Location").orElse("")).contains("/login?logout");
		var afterwards = http.send(HttpRequest.newBuilder(URI.create(Api.base(port(a)) + "/"))
			.header("Cookie", cookie).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding());
		assertThat(afterwards.statusCode()).isEqualTo(302);
		assertThat(afterwards.headers().firstValue("Location").orElse("")).contains("/login");
	}

	/** Loads a page and answers the session cookie it runs in and the CSRF token on it. */
	private static String[] page(HttpClient http, int port, String path, String cookie) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(Api.base(port) + path)).header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		var session = response.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
			.findFirst().map(v -> v.split(";")[0]).orElse(cookie);
		var token = CSRF.matcher(response.body());
		assertThat(token.find()).as("the page carries a CSRF token").isTrue();
		return new String[] { session, token.group(1) };
	}

	@Test
	@DisplayName("ART-15.1: a tus upload begun on one instance is finished on the other and becomes one recording")
	void aTusUploadBegunOnOneInstanceFinishesOnTheOther() throws Exception {
		var bytes = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS),
				Duration.ofMinutes(5), 2 * 1024 * 1024, System.nanoTime());
		var onA = tus(port(a));
		var upload = onA.create(bytes.length, Map.of("filename", "cluster.mp4", "recordedBy", "zhang.wei"));
		var half = bytes.length / 2;
		onA.patch(upload, 0, new ByteArrayInputStream(bytes, 0, half), half);

		var onB = tus(port(b));
		var there = URI.create(Api.base(port(b)) + upload.getPath());
		assertThat(onB.offset(there)).as("the other instance knows the upload and its offset").contains((long) half);
		var finished = onB.patch(there, half, new ByteArrayInputStream(bytes, half, bytes.length - half),
				bytes.length - half);
		var id = finished.recordingId().orElseThrow();
		Api.as(port(a), "zhang.wei").get().uri("/api/v1/recordings/{id}/content", id).exchange()
			.expectBody(byte[].class).isEqualTo(bytes);
		assertThat(onA.offset(upload)).as("the finished upload's own copy is gone for both").isEmpty();
	}

	private static TusClient tus(int port) {
		return new TusClient(URI.create(Api.base(port)), "Basic "
				+ Base64.getEncoder().encodeToString("zhang.wei:demo".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	@DisplayName("ART-15, ART-22(2): a scheduled job whose timers fire on both instances, at once or one after the "
			+ "other within its period, runs once")
	void aScheduledJobRunsOnceInTheCluster() throws Exception {
		var jdbc = a.getBean(JdbcClient.class);
		var before = jdbc.sql("select count(*) from storage_fixity_run").query(Long.class).single();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var runs = new ArrayList<java.util.concurrent.Future<Object>>();
			for (var instance : new ConfigurableApplicationContext[] { a, b }) {
				var job = instance.getBean(org.lawtrace.storage.FixityAudits.class);
				runs.add(pool.submit((Callable<Object>) () -> {
					start.await();
					// as the scheduler calls it: through the bean, so the job's lock applies
					return ReflectionTestUtils.invokeMethod(job, "scheduled");
				}));
			}
			start.countDown();
			for (var run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		// the later timer of the same period finds the job taken too
		ReflectionTestUtils.invokeMethod(b.getBean(org.lawtrace.storage.FixityAudits.class), "scheduled");
		ReflectionTestUtils.invokeMethod(a.getBean(org.lawtrace.storage.FixityAudits.class), "scheduled");
		assertThat(jdbc.sql("select count(*) from storage_fixity_run").query(Long.class).single() - before)
			.as("fixity runs recorded").isEqualTo(1);
	}

	@Test
	@DisplayName("ART-03: a rule pack put in force on one instance is in force on the other within seconds")
	void aRulePackPutInForceOnOneInstanceIsInForceOnTheOther() throws Exception {
		var shipped = new String(getClass().getResourceAsStream("/compliance/rules.yaml").readAllBytes(),
				StandardCharsets.UTF_8);
		Files.createDirectories(dataDir.resolve("compliance"));
		Files.writeString(dataDir.resolve("compliance/rules.yaml"),
				shipped.replaceFirst("(?m)^version: .*$", "version: dongyang-cluster-2"));
		Api.as(port(a), "admin").post().uri("/api/v1/compliance/rule-pack/reload").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo("dongyang-cluster-2");
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.as(port(b), "admin").get()
			.uri("/api/v1/compliance/rule-pack").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo("dongyang-cluster-2"));
	}

	@Test
	@DisplayName("ART-22: both instances appending at once, and signing checkpoints at once, keep one gapless log "
			+ "that verifies against its anchors")
	void bothInstancesWriteOneLog() throws Exception {
		var pool = Executors.newFixedThreadPool(8);
		try {
			var work = new ArrayList<java.util.concurrent.Future<?>>();
			for (var i = 0; i < 24; i++) {
				var port = port(i % 2 == 0 ? a : b);
				work.add(pool.submit(() -> {
					Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
						.body(CaseApi.penaltyCase(Api.newCaseNumber())).exchange().expectStatus().isCreated();
					Api.as(port, "zhao.min").post().uri("/api/v1/audit/checkpoints").exchange().expectStatus()
						.isCreated();
				}));
			}
			for (var w : work) {
				w.get();
			}
		}
		finally {
			pool.shutdown();
		}
		var jdbc = a.getBean(JdbcClient.class);
		AuditApi.awaitQuiet(jdbc);
		Api.as(port(b), "zhao.min").post().uri("/api/v1/audit/checkpoints").exchange().expectStatus().isCreated();
		var count = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
		var last = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
		assertThat(last).as("gapless sequence").isEqualTo(count - 1);
		for (var instance : new ConfigurableApplicationContext[] { a, b }) {
			var verification = AuditApi.verification(port(instance), "zhao.min");
			assertThat(verification.verified()).isTrue();
			assertThat(verification.anchoring().findings()).isEmpty();
			assertThat(verification.anchoring().beyondLastAnchor()).isZero();
		}
	}

	@Test
	@DisplayName("ART-20 (ADR 0022): a grant revoked on one instance is enforced on the other within five seconds, "
			+ "though the other kept its decision to let the viewer play")
	void aRevocationOnOneInstanceHoldsOnTheOtherWithinTheBound() throws Exception {
		var caseId = Api.as(port(a), "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.NewCase.penalty(Api.newCaseNumber(), false)).exchange().expectStatus().isCreated()
			.returnResult(AccessApi.Created.class).getResponseBody().id();
		var recording = uploadOnA("zhang.wei", Map.of("recordedBy", "zhang.wei", "caseId", caseId));
		var requestId = Api.as(port(a), "chen.jing").post().uri("/api/v1/access-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.NewAccessRequest.wholeCase(caseId, "复议答复需要核对现场执法过程", 7)).exchange()
			.expectStatus().isCreated().returnResult(AccessApi.Created.class).getResponseBody().id();
		Api.as(port(b), "liu.yang").post().uri("/api/v1/access-requests/{id}/approval", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.Decision("同意")).exchange()
			.expectStatus().isOk();
		assertThat(range(port(a), "chen.jing", recording, 0)).as("approved on B, played on A").isEqualTo(206);

		Api.as(port(b), "liu.yang").post().uri("/api/v1/access-requests/{id}/revocation", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.Revocation("不再需要")).exchange()
			.expectStatus().isOk();
		var revoked = Instant.now(); // committed on B before its answer
		assertRefusedOnAWithinTheBound(revoked, () -> range(port(a), "chen.jing", recording, 100));
	}

	@Test
	@DisplayName("ART-20 (ADR 0028): an account disabled on one instance plays no longer on the other than five "
			+ "seconds, though the other serves its player's ranges without loading the session")
	void anAccountDisabledOnOneInstanceStopsPlayingOnTheOtherWithinTheBound() throws Exception {
		var recording = uploadOnA("chen.hao", RecordingApi.UploadMetadata.by("chen.hao"));
		var http = HttpClient.newHttpClient();
		var login = page(http, port(a), "/login", null);
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(Api.base(port(a)) + "/login"))
			.header("Cookie", login[0]).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=chen.hao&password=demo&_csrf="
					+ java.net.URLEncoder.encode(login[1], StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		var cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
			.findFirst().map(v -> v.split(";")[0]).orElseThrow();
		assertThat(play(http, cookie, recording, 0)).isEqualTo(206);
		assertThat(play(http, cookie, recording, 100)).as("from A's kept decision").isEqualTo(206);
		var administration = b.getBean(org.lawtrace.staff.StaffAdministration.class);
		try {
			// as the administrator's page on B does: the account disabled, its sessions ended in the database
			administration.setEnabled("chen.hao", false, "admin");
			var disabled = Instant.now();
			assertRefusedOnAWithinTheBound(disabled, () -> play(http, cookie, recording, 200));
		}
		finally {
			administration.setEnabled("chen.hao", true, "admin");
		}
	}

	/**
	 * Asks A again and again until it refuses; every request sent once the kept decision's bound has passed since the
	 * narrowing committed on B is refused, and A refuses within that bound plus the machine's patience.
	 */
	private static void assertRefusedOnAWithinTheBound(Instant narrowed, Callable<Integer> ask) {
		var bound = a.getEnvironment().getProperty("lawtrace.playback.access-cache", Duration.class);
		assertThat(bound).as("the cross-instance bound the issue asks for").isLessThanOrEqualTo(Duration.ofSeconds(5));
		var served = new ArrayList<Instant>();
		Awaitility.await().atMost(bound.plus(org.lawtrace.Patience.of(Duration.ofSeconds(5))))
			.pollInterval(Duration.ofMillis(100)).until(() -> {
				var sent = Instant.now();
				var status = ask.call();
				if (status == 206) {
					served.add(sent);
					return false;
				}
				return true;
			});
		assertThat(served).as("ranges A served after the narrowing on B").allSatisfy(
				sent -> assertThat(sent).isBefore(narrowed.plus(bound)));
	}

	private static String uploadOnA(String uploader, Object metadata) {
		var bytes = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS),
				Duration.ofMinutes(5), 256 * 1024, System.nanoTime());
		return Uploads.upload(Api.as(port(a), uploader), metadata, bytes, "bound.mp4").expectStatus().isCreated()
			.returnResult(RecordingApi.RecordingView.class).getResponseBody().id();
	}

	/** A Range request of the API's content route, by Basic authentication. */
	private static int range(int port, String who, String recording, long first) {
		return Api.as(port, who).get().uri("/api/v1/recordings/{id}/content", recording)
			.header("Range", "bytes=" + first + "-" + (first + 99)).exchange().returnResult(byte[].class)
			.getStatus().value();
	}

	/** A Range request on the pages' player route with a session's cookie, as a browser's video element asks. */
	private static int play(HttpClient http, String cookie, String recording, long first) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(Api.base(port(a)) + "/recordings/" + recording + "/content"))
			.header("Cookie", cookie).header("Range", "bytes=" + first + "-" + (first + 99)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
