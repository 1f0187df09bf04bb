package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the packaged jar the way the README and operators do ({@code java -jar target/lawtrace.jar
 * --lawtrace.demo=true --server.port=P --lawtrace.data-dir=D}) and talks to it over HTTP; in the PostgreSQL run
 * the database is given by {@code --spring.datasource.url}.
 */
@RunsBesideOtherTests
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealDatabaseAvailable.class)
class PackagedJarIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();
	private PackagedJar server;
	private int port;

	@BeforeAll
	void startTheJar() throws Exception {
		server = PackagedJar.fresh("lawtrace_jar").start();
		port = server.port();
	}

	@AfterAll
	void stopTheJar() throws Exception {
		server.stop();
	}

	@Test
	@DisplayName("The run command prints where to open LawTrace and the demo accounts, and listens on loopback only")
	void printsWhereToOpenItAndTheDemoAccounts() throws IOException {
		var log = server.log();
		assertThat(log).contains("http://127.0.0.1:" + port + "/").contains("zhang.wei").contains("admin")
			.contains("password \"demo\"");
		assertThat(log).contains("Tomcat started on port " + port);
	}

	@Test
	@DisplayName("Issue 16: the jar starts on the bean definitions Spring AOT made at build time, the demo seeded all the same")
	void startsOnSpringAotDefinitions() throws IOException {
		assertThat(server.log()).contains("Starting AOT-processed LawTraceApplication").contains("Demo bureau");
	}

	@Test
	@DisplayName("Issue 16: a training run of the start cache starts, answers its first requests once ready, and stops by itself")
	void trainingRunStopsByItself() throws Exception {
		var training = PackagedJar.fresh("lawtrace_training");
		var run = training.command("--lawtrace.training-run=true", "--server.port=0");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Training run: /actuator/health/readiness answered 200")
			.contains("Training run: /login answered 200").doesNotContain("Demo bureau");
	}

	@Test
	@DisplayName("ART-02, ART-08: zhang.wei opens a case; one handler, a bad credit code and a duplicate are refused")
	void officerOpensACaseAndBadOnesAreRefused() throws Exception {
		var number = Api.newCaseNumber();
		var created = post("zhang.wei", "/api/v1/cases", Api.penaltyCase(number));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(created.body()).get("status").asString()).isEqualTo("OPEN");

		var oneHandler = new java.util.HashMap<>(Api.penaltyCase(Api.newCaseNumber()));
		oneHandler.put("handlers", List.of("zhang.wei"));
		assertRefused(post("zhang.wei", "/api/v1/cases", oneHandler), 400, "handlers");

		var badCode = new java.util.HashMap<>(Api.penaltyCase(Api.newCaseNumber()));
		badCode.put("parties", List.of(Map.of("kind", "ORGANIZATION", "name", "某公司", "idNumber", "91330783MA2HX7Q5PA")));
		assertRefused(post("zhang.wei", "/api/v1/cases", badCode), 400, "parties[0].idNumber");

		assertRefused(post("zhang.wei", "/api/v1/cases", Api.penaltyCase(number)), 409, "caseNumber");
	}

	@Test
	@DisplayName("ART-20: the administrator cannot read case content it has no role for")
	void administratorCannotReadCases() throws Exception {
		var response = http.send(request("admin", "/api/v1/cases").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).doesNotContain("caseNumber");
	}

	private void assertRefused(HttpResponse<String> response, int status, String field) throws IOException {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(response.body()).get("field").asString()).isEqualTo(field);
	}

	private HttpResponse<String> post(String user, String path, Object body) throws Exception {
		return http.send(request(user, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String user, String path) {
		var auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(Api.base(port) + path)).header("Authorization", "Basic " + auth)
			.timeout(Duration.ofSeconds(30));
	}
}
