package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lawtrace.AuthorizationMatrix.Row;
import org.lawtrace.access.AccessApi;
import org.lawtrace.compliance.ComplianceApi;
import org.lawtrace.documents.Pdfs;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ART-20 (issue 11): the authorization matrix, {@code src/test/resources/authorization-matrix.csv}, checked against
 * the running platform. Every route (API operations from {@code /v3/api-docs}, pages and htmx fragments from the
 * handler mappings) has a row, and every (route, role) answers as its cell says, called by a demo account of the
 * role on records of a case it does not handle. The API is called with the account's own API token and pages in a
 * session signed in on the login form, so each account's password is checked once, not once per call (Argon2 would
 * make 1,800 calls slow); the roles are the same either way. All mismatches are reported in one table; cells marked
 * {@code *finding} are known gaps, printed but not failed. What each call answered is written to
 * {@code target/authorization-matrix-actual.csv} (outcomes) and {@code target/authorization-matrix-statuses.csv}
 * (HTTP statuses); {@code -Dlawtrace.matrix.discover=true} calls every route of the platform with placeholder
 * expectations, to write those files for a new table.
 */
@LawTraceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

	/** The demo account that plays each role: none of them handles the fixture case. */
	static final Map<String, String> ACCOUNTS = Map.of("OFFICER", "chen.hao", "ASSISTANT", "wang.qiang", "CUSTODIAN",
			"zhao.min", "LEGAL_AFFAIRS", "chen.jing", "DEPUTY_DIRECTOR", "liu.yang", "DIRECTOR", "sun.li",
			"DISCIPLINE", "zhou.tao", "ADMIN", "admin", "STATION", "station.wuning");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?(?:content|value)=\"([^\"]+)\"");
	private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9]+)\\}");
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Set<String> DESTRUCTIVE_LAST = Set.of("close", "revocation", "retire", "return");

	/*
	 * The wire shapes of other modules' resources the fixtures send or read, declared apart from the production
	 * classes; those of the access, compliance, documents and staff modules are in their test-side API classes.
	 * Requests leave out what is null.
	 */

	/** What the matrix reads of a created resource: its id. */
	record Created(String id) {
	}

	/** {@code POST /api/v1/cases/{id}/stages}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record NewStage(String kind, OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt, List<String> present) {
	}

	/** {@code POST /api/v1/recordings/{id}/corrections}: a recording's end corrected. */
	record NewCorrection(Instant endedAt, String reason) {
	}

	/** The {@code metadata} part of {@code POST /api/v1/recordings}: a station's recordings are unlinked. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RecordingMetadata(String recordedBy, @Nullable String caseId) {
	}

	/** {@code POST /api/v1/devices}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record NewDevice(String serialNumber, String kind, String model, String unitId,
			@Nullable Integer storageCapacityMb) {
	}

	/** {@code POST /api/v1/devices/{id}/checks}. */
	record NewCheck(int batteryPercent, int freeStoragePercent, int clockOffsetSeconds, boolean lensOk) {

		/** A device in good order. */
		static final NewCheck GOOD = new NewCheck(90, 60, 0, true);
	}

	/** {@code POST /api/v1/devices/{id}/faults}. */
	record NewFault(String description) {
	}

	/** {@code POST /api/v1/devices/{id}/repairs}. */
	record NewRepair(String repairer, boolean selfRepair) {
	}

	/** {@code POST /api/v1/devices/{id}/issue}. */
	record Issue(String holder, String checkId) {
	}

	/** A reason, as a certificate's revocation, a device's retirement or a check's override takes it. */
	record Reason(String reason) {
	}

	/** One of {@code GET /api/v1/devices/notifications}. */
	record Notification(String id, String faultId) {
	}

	/** One of {@code GET /api/v1/stations}. */
	record Station(String id, String username) {
	}

	/** {@code POST /api/v1/units}. */
	record NewUnit(String code, String name, String kind) {
	}

	/** The fixture certificate of chen.hao, valid from 2020 to 2035. */
	static StaffApi.NewCertificate certificate(String number) {
		return new StaffApi.NewCertificate(number, "浙江省人民政府", LocalDate.parse("2020-01-01"),
				LocalDate.parse("2035-01-01"));
	}

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	@DisplayName("ART-20: every API operation, page and htmx fragment has a row in the authorization matrix, and every row names one")
	void everyRouteHasARow() throws Exception {
		var matrix = AuthorizationMatrix.load();
		var documented = apiDocsRoutes();
		var mapped = handlerRoutes();
		var rows = new TreeSet<String>();
		matrix.rows().forEach(r -> rows.add(r.route()));

		var missing = new TreeSet<String>();
		documented.stream().filter(r -> !rows.contains(r)).forEach(missing::add);
		mapped.stream().filter(r -> !rows.contains(r)).forEach(missing::add);
		var unknown = new TreeSet<String>();
		rows.stream().filter(r -> !documented.contains(r) && !mapped.contains(r)).forEach(unknown::add);
		assertThat(missing).as("routes without a row in " + AuthorizationMatrix.RESOURCE
				+ " (add one: method,path,expected outcome per role)").isEmpty();
		assertThat(unknown).as("rows naming no route of the platform").isEmpty();
	}

	@Test
	@DisplayName("ART-07, ART-13, ART-19, ART-20: every route answers every role as the authorization matrix says, on records of a case the caller does not handle")
	void everyRoleGetsWhatTheMatrixSays() throws Exception {
		var matrix = Boolean.getBoolean("lawtrace.matrix.discover") ? discovered() : AuthorizationMatrix.load();
		var fixtures = fixtures();
		var consumes = consumesByRoute();

		var ordered = new ArrayList<Row>();
		matrix.rows().stream().filter(r -> safe(r.method())).forEach(ordered::add);
		matrix.rows().stream().filter(r -> !safe(r.method()) && !destructive(r)).forEach(ordered::add);
		matrix.rows().stream().filter(r -> !safe(r.method()) && destructive(r)).forEach(ordered::add);

		var actual = new LinkedHashMap<Row, Map<String, String>>();
		var failures = new ArrayList<String>();
		var gaps = new ArrayList<String>();
		var met = new ArrayList<String>();
		var counts = new TreeMap<String, Integer>();
		for (var row : ordered) {
			var answers = new LinkedHashMap<String, String>();
			for (var caller : matrix.columns()) {
				var cell = row.cells().get(caller);
				var got = call(fixtures, row, caller, consumes.getOrDefault(row.route(), Set.of()));
				answers.put(caller, got);
				counts.merge(got.startsWith("allow") ? "allow" : got, 1, Integer::sum);
				var line = String.format("%-7s %-62s %-16s expected %-8s got %s", row.method(), row.path(), caller,
						cell, got);
				if (cell.knownGap()) {
					(outcome(got).equals(cell.outcome()) ? met : gaps).add(line);
				}
				else if (!outcome(got).equals(cell.outcome())) {
					failures.add(line);
				}
			}
			actual.put(row, answers);
		}
		writeActual(matrix, actual);

		var expected = new TreeMap<String, Integer>();
		matrix.rows().forEach(r -> r.cells().values()
			.forEach(c -> expected.merge(c.knownGap() ? c.outcome() + "*" : c.outcome(), 1, Integer::sum)));
		var summary = new StringBuilder();
		summary.append(String.format("%nAuthorization matrix: %d routes x %d callers = %d calls; expected %s; answered %s%n",
				matrix.rows().size(), matrix.columns().size(), matrix.rows().size() * matrix.columns().size(), expected,
				counts));
		summary.append(String.format("known gaps (cells marked *finding, not failed): %d still differ, %d now met%n",
				gaps.size(), met.size()));
		gaps.forEach(g -> summary.append("  gap  ").append(g).append('\n'));
		met.forEach(g -> summary.append("  met  ").append(g).append(" (the star may go)\n"));
		System.out.println(summary);
		assertThat(failures).as("cells of " + AuthorizationMatrix.RESOURCE + " the platform does not answer as written"
				+ " (" + failures.size() + "):\n" + String.join("\n", failures) + "\n").isEmpty();
	}

	/** The fixtures both tests call the platform on, made once (the language walk only reads). */
	private @Nullable Fixtures fixtures;

	private Fixtures fixtures() throws Exception {
		if (fixtures == null) {
			fixtures = new Fixtures();
		}
		return fixtures;
	}

	/** The page routes the language walk reads, with what they show most of (a person's trail, a case's form). */
	private static final Map<String, String> SHOWING_MOST = Map.of("GET /audit/people", "?username=zhang.wei",
			"GET /cases", "?number=%E4%B8%9C%E5%B8%82%E7%9B%91");

	/** Addresses the walk never reads: downloads and exports (not pages), and signing out. */
	private static final Pattern NOT_A_PAGE = Pattern
		.compile(".*(\\.xlsx|\\.pdf|\\.zip|\\.csv|/download|/content|/file|/logout|/media/.*|/poster.*|/thumbnail.*)(\\?.*)?");

	/**
	 * Issue 15 (the brief: pages speak Simplified Chinese; ART-06, ART-20, ART-21 pages among them): every page and
	 * htmx fragment of the platform, found from the controllers' mappings so that a new page cannot escape, read by
	 * every role's demo account and by the fixture case's handler, and the pages and fragments they link to (a
	 * page of each route), must show no login name, UUID, article code, enum constant, English in brackets, missing
	 * message key or zone id in the Chinese page text (the rules of {@link PageLanguage}). Error pages are read too.
	 * Every finding is listed with where it was seen, then the test fails.
	 */
	@Test
	// what a page says does not depend on the database: the class runs once, in the H2 lane (pom.xml, ADR 0030)
	@DisplayName("Issue 15: every page and htmx fragment, for every role and the case's handler, speaks Chinese: no codes, UUIDs, login names, English asides, missing keys or zone ids")
	void everyPageSpeaksAsStaffDo() throws Exception {
		var fixtures = fixtures();
		var routes = handlerRoutes().stream().filter(r -> r.startsWith("GET ") && !r.startsWith("GET /api/")
				&& !r.startsWith("GET /v3/") && !r.startsWith("GET /swagger") && !r.equals("GET /error")).toList();
		var parser = new org.springframework.web.util.pattern.PathPatternParser();
		var patterns = new LinkedHashMap<String, org.springframework.web.util.pattern.PathPattern>();
		routes.forEach(r -> patterns.put(r, parser.parse(r.substring(4))));

		var readers = new LinkedHashMap<String, String>();
		new TreeMap<>(ACCOUNTS).forEach((role, account) -> {
			if (!role.equals("STATION")) {
				readers.put(role, account);
			}
		});
		readers.put("HANDLER", "zhang.wei");

		var findings = new TreeMap<String, Set<String>>();
		var took = new HashMap<String, Long>();
		var rendered = new TreeSet<String>();
		var read = 0;
		for (var reader : readers.entrySet()) {
			var cookie = fixtures.signIn(reader.getValue());
			var queue = new java.util.ArrayDeque<String>();
			for (var route : routes) {
				queue.add(fixtures.resolve(route.substring(4), reader.getKey()) + fixtures.query(route)
						+ SHOWING_MOST.getOrDefault(route, ""));
			}
			var seen = new java.util.HashSet<String>(queue);
			var perRoute = new HashMap<String, Integer>();
			while (!queue.isEmpty()) {
				var path = queue.poll();
				if (NOT_A_PAGE.matcher(path).matches()) {
					continue;
				}
				URI address;
				try {
					address = URI.create(Api.base(port) + path);
				}
				catch (IllegalArgumentException notAnAddress) {
					findings.computeIfAbsent("link that is no address: " + path, k -> new TreeSet<>()).add(reader.getKey());
					continue;
				}
				var request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(60))
					.header("Accept", "text/html").header("Cookie", cookie);
				var fragment = path.contains("/fragments/");
				if (fragment) {
					request.header("HX-Request", "true");
				}
				var began = System.nanoTime();
				var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				read++;
				if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
					continue;
				}
				var route = routeOf(patterns, path);
				took.merge(route == null ? path : route, (System.nanoTime() - began) / 1_000_000, Long::sum);
				var where = reader.getKey() + " " + response.statusCode() + " " + (route == null ? path : route);
				var html = response.body();
				var document = html.stripLeading().regionMatches(true, 0, "<!DOCTYPE", 0, 9)
						? org.jsoup.Jsoup.parse(html) : org.jsoup.Jsoup.parseBodyFragment(html);
				PageLanguage.findingsIn(Page.visibleText(document), Page.proseText(document))
					.forEach(f -> findings.computeIfAbsent(f, k -> new TreeSet<>()).add(where));
				if (response.statusCode() != 200) {
					continue;
				}
				if (route != null) {
					rendered.add(route);
				}
				// the pages and fragments this one links to: a few addresses of each route, to see filled lists
				var links = new ArrayList<String>();
				document.select("a[href]").forEach(a -> links.add(a.attr("href")));
				document.select("[hx-get]").forEach(a -> links.add(a.attr("hx-get")));
				for (var link : links) {
					if (!link.startsWith("/") || link.startsWith("//") || link.contains("#") || !seen.add(link)) {
						continue;
					}
					var linked = routeOf(patterns, link);
					if (linked != null && perRoute.merge(linked, 1, Integer::sum) <= 1) {
						queue.add(link);
					}
				}
			}
		}
		var unrendered = new TreeSet<String>(routes);
		unrendered.removeAll(rendered);
		var report = new StringBuilder();
		findings.forEach((finding, where) -> report.append(String.format("  %-60s %s%n", finding,
				where.size() > 6 ? String.join("; ", where.stream().limit(6).toList()) + "; … (" + where.size() + ")"
						: String.join("; ", where))));
		var slowest = took.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
			.map(e -> e.getKey() + " " + e.getValue() + " ms").toList();
		System.out.printf("%nPage language walk: %d addresses read by %d readers; routes no reader saw as a page: %s;"
				+ " most time (all readers): %s%n%s", read, readers.size(), unrendered, slowest, report);
		assertThat(findings).as("what pages show that staff must not see (%d kinds):%n%s", findings.size(), report)
			.isEmpty();
	}

	private static @Nullable String routeOf(Map<String, org.springframework.web.util.pattern.PathPattern> patterns,
			String path) {
		var container = org.springframework.http.server.PathContainer.parsePath(path.replaceAll("[?#].*", ""));
		String best = null;
		org.springframework.web.util.pattern.PathPattern bestPattern = null;
		for (var entry : patterns.entrySet()) {
			if (entry.getValue().matches(container) && (bestPattern == null
					|| org.springframework.web.util.pattern.PathPattern.SPECIFICITY_COMPARATOR.compare(entry.getValue(),
							bestPattern) < 0)) {
				best = entry.getKey();
				bestPattern = entry.getValue();
			}
		}
		return best;
	}

	/** With {@code -Dlawtrace.matrix.discover=true}: a matrix of every route, to write down what it answers. */
	private AuthorizationMatrix discovered() throws Exception {
		var routes = new TreeSet<String>(apiDocsRoutes());
		routes.addAll(handlerRoutes());
		var text = new StringBuilder("method,path," + String.join(",", AuthorizationMatrix.callers()) + "\n");
		for (var route : routes) {
			var parts = route.split(" ");
			text.append(parts[0]).append(',').append(parts[1]);
			AuthorizationMatrix.callers().forEach(c -> text.append(",").append(
					c.equals(AuthorizationMatrix.ANONYMOUS) ? (parts[1].startsWith("/api/") ? "401" : "login") : "allow"));
			text.append('\n');
		}
		return AuthorizationMatrix.parse(text.toString());
	}

	private static boolean safe(String method) {
		return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
	}

	private static boolean destructive(Row row) {
		var last = row.path().substring(row.path().lastIndexOf('/') + 1);
		return row.method().equals("DELETE") || DESTRUCTIVE_LAST.contains(last);
	}

	/** {@code allow} for anything but 401, 403, 404 and a redirect to the login page. */
	private static String outcome(String got) {
		return got.startsWith("allow") ? "allow" : got;
	}

	private String call(Fixtures fixtures, Row row, String caller, Set<String> consumes) throws Exception {
		var path = fixtures.resolve(row.path(), caller) + fixtures.query(row.route());
		var request = HttpRequest.newBuilder(URI.create(Api.base(port) + path)).timeout(Duration.ofSeconds(60));
		if (row.api() && fixtures.tokens.containsKey(caller)) {
			request.header("Authorization", "Bearer " + fixtures.tokens.get(caller));
		}
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
		if (!safe(row.method()) && !row.method().equals("DELETE")) {
			if (consumes.contains(MediaType.MULTIPART_FORM_DATA_VALUE)) {
				request.header("Content-Type", "multipart/form-data; boundary=matrix");
				body = HttpRequest.BodyPublishers.ofByteArray(fixtures.multipart(row.route(), caller));
			}
			else if (row.path().startsWith("/api/v1/uploads")) {
				if (row.method().equals("PATCH")) {
					request.header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", "0");
				}
			}
			else if (row.api() || consumes.contains(MediaType.APPLICATION_JSON_VALUE)) {
				request.header("Content-Type", "application/json");
				body = HttpRequest.BodyPublishers.ofString(fixtures.body(row.route(), caller));
			}
			else {
				request.header("Content-Type", "application/x-www-form-urlencoded");
				body = HttpRequest.BodyPublishers.ofString(Fixtures.form(row.route()));
			}
		}
		if (row.path().startsWith("/api/v1/uploads")) {
			// tus: without the protocol's header every request is refused before anyone asks whose upload it is
			request.header("Tus-Resumable", "1.0.0");
		}
		if (!row.api()) {
			request.header("Accept", "text/html");
			if (path.contains("/fragments/")) {
				request.header("HX-Request", "true");
			}
			var session = fixtures.session(caller);
			request.header("Cookie", session[0]);
			if (!safe(row.method())) {
				request.header("X-CSRF-TOKEN", session[1]);
			}
		}
		request.method(row.method(), body);
		var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		int status = response.statusCode();
		if (status == 401 || status == 403 || status == 404) {
			return Integer.toString(status);
		}
		var location = response.headers().firstValue("Location").orElse("");
		if (status / 100 == 3 && location.matches("(https?://[^/]+)?/login(\\?.*)?")) {
			return "login";
		}
		if (status >= 500) {
			return "error " + status;
		}
		return "allow (" + status + ")";
	}

	private static String basic(String username) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private void writeActual(AuthorizationMatrix matrix, Map<Row, Map<String, String>> actual) throws IOException {
		var out = new StringBuilder("method,path," + String.join(",", matrix.columns()) + "\n");
		var statuses = new StringBuilder(out);
		for (var row : matrix.rows()) {
			out.append(row.method()).append(',').append(row.path());
			statuses.append(row.method()).append(',').append(row.path());
			for (var caller : matrix.columns()) {
				var got = actual.get(row).get(caller);
				out.append(',').append(outcome(got));
				statuses.append(',').append(got.replaceAll("allow \\((\\d+)\\)", "$1"));
			}
			out.append('\n');
			statuses.append('\n');
		}
		var target = Path.of("target");
		if (Files.isDirectory(target)) {
			Files.writeString(target.resolve("authorization-matrix-actual.csv"), out);
			Files.writeString(target.resolve("authorization-matrix-statuses.csv"), statuses);
		}
	}

	/** "METHOD path" of each operation {@code /v3/api-docs} documents. */
	private Set<String> apiDocsRoutes() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(Api.base(port) + "/v3/api-docs"))
			.header("Authorization", basic("admin")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("/v3/api-docs").isEqualTo(200);
		var routes = new TreeSet<String>();
		JsonNode paths = JSON.readTree(response.body()).get("paths");
		for (var path : paths.propertyNames()) {
			for (var method : paths.get(path).propertyNames()) {
				if (AuthorizationMatrix.METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
					routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
				}
			}
		}
		return routes;
	}

	/** "METHOD path" of every handler method of the platform's own controllers. */
	private Set<String> handlerRoutes() {
		var routes = new TreeSet<String>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.lawtrace")) {
				return;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty()) {
				methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
						RequestMethod.DELETE);
			}
			for (var pattern : info.getPatternValues()) {
				for (var method : methods) {
					routes.add(method.name() + " " + pattern);
				}
			}
		});
		return routes;
	}

	private Map<String, Set<String>> consumesByRoute() {
		var consumes = new HashMap<String, Set<String>>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			var types = new TreeSet<String>();
			info.getConsumesCondition().getConsumableMediaTypes().forEach(t -> types.add(t.toString()));
			for (var pattern : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					consumes.put(method.name() + " " + pattern, types);
				}
			}
		});
		return consumes;
	}

	/**
	 * What the matrix is called on: a case handled by zhang.wei and li.na (who play no role in the matrix) with a
	 * stage, an exemption request, a recording with a bookmark and a document, all made by its handler; a second case
	 * whose records legal affairs may see by an approved request, packed into an evidence package; a device with a
	 * check, a fault and a repair; the demo station with a token; a tus upload begun by the handler.
	 */
	final class Fixtures {

		final String caseId;
		final String stageId;
		final String exemptionId;
		final String recordingId;
		final String sha256;
		final String correctionId;
		final String roleChangeId;
		final String documentId;
		final String requestId;
		final String packageId;
		final String discId;
		final String deviceId;
		final String checkId;
		final String repairId;
		final String notificationId;
		final String stationId;
		final String stationToken;
		final String uploadPath;
		final String caseNumber;
		final String unitId;
		final String serialNumber;
		final String certificate;
		/** Each caller's API token (a password check per call would make the matrix slow). */
		final Map<String, String> tokens = new HashMap<>();
		private final Map<String, String[]> sessions = new HashMap<>();

		Fixtures() throws Exception {
			var now = clock.instant();
			caseNumber = Api.newCaseNumber();
			caseId = Api.openCase(port, caseNumber);
			var start = now.minus(Duration.ofHours(4));
			stageId = created(Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
				.contentType(MediaType.APPLICATION_JSON)
				.body(new NewStage("ON_SITE_INSPECTION", start.atZone(ZONE).toOffsetDateTime(),
						start.plus(Duration.ofMinutes(30)).atZone(ZONE).toOffsetDateTime(), List.of("zhang.wei", "li.na")))
				.exchange().expectStatus().isCreated().returnResult(Created.class).getResponseBody());
			exemptionId = created(Api.as(port, "zhang.wei").post()
				.uri("/api/v1/cases/{id}/stages/{s}/exemptions", caseId, stageId).contentType(MediaType.APPLICATION_JSON)
				.body(new ComplianceApi.NewExemption("检查场所涉及国家秘密，不宜录音录像")).exchange().expectStatus().isCreated()
				.returnResult(Created.class).getResponseBody());
			var recording = recording(caseId, now);
			recordingId = recording.id();
			sha256 = recording.sha256();
			// a handler asks to correct the recording's end (ART-14): the request the correction routes are about
			correctionId = created(Api.as(port, "zhang.wei").post().uri("/api/v1/recordings/{id}/corrections", recordingId)
				.contentType(MediaType.APPLICATION_JSON)
				.body(new NewCorrection(now.minusSeconds(3600).plus(Duration.ofMinutes(4)), "授权矩阵测试：结束时间记错"))
				.exchange().expectStatus().isCreated().returnResult(Created.class).getResponseBody());
			Api.as(port, "zhang.wei").post().uri("/api/v1/compliance/recordings/{id}/bookmarks", recordingId)
				.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.NewBookmark("OPENING", 0)).exchange()
				.expectStatus().isCreated();
			var document = new MultipartBodyBuilder();
			document.part("metadata", new AccessApi.DocumentMetadata("FILING_APPROVAL", caseId, "立案审批表"),
					MediaType.APPLICATION_JSON);
			document.part("file", new ByteArrayResource(Pdfs.pages(1))).filename("scan.pdf")
				.contentType(MediaType.APPLICATION_PDF);
			documentId = created(Api.as(port, "zhang.wei").post().uri("/api/v1/documents")
				.contentType(MediaType.MULTIPART_FORM_DATA).body(document.build()).exchange().expectStatus().isCreated()
				.returnResult(Created.class).getResponseBody());

			// legal affairs packs another case, whose records an approved request opened to it
			var other = Api.openCase(port, Api.newCaseNumber());
			recording(other, now);
			requestId = Api.approvedAccess(port, "chen.jing", "liu.yang", other);
			packageId = created(Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages")
				.contentType(MediaType.APPLICATION_JSON)
				.body(AccessApi.PackageOrder.wholeCase("COURT", "东阳市人民法院", "证明现场检查情况", other))
				.exchange().expectStatus().isCreated().returnResult(Created.class).getResponseBody());

			// the custodian puts that package on a disc (ART-17; xorriso is installed wherever these tests run)
			discId = created(Api.as(port, "zhao.min").post().uri("/api/v1/discs").contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("items", List.of(Map.of("kind", "EVIDENCE_PACKAGE", "id", packageId)))).exchange()
				.expectStatus().isCreated().returnResult(Created.class).getResponseBody());

			var keeper = Api.as(port, "zhao.min");
			var units = keeper.get().uri("/api/v1/units").exchange().expectStatus().isOk()
				.returnResult(AccessApi.Unit[].class).getResponseBody();
			unitId = Stream.of(units).filter(u -> "DY-JCD".equals(u.code())).findFirst().orElseThrow().id();
			serialNumber = "MX-" + UUID.randomUUID().toString().substring(0, 8);
			deviceId = created(keeper.post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
				.body(new NewDevice(serialNumber, "BODY_CAMERA", "测试型号 T1", unitId, 64_000))
				.exchange().expectStatus().isCreated().returnResult(Created.class).getResponseBody());
			checkId = created(keeper.post().uri("/api/v1/devices/{id}/checks", deviceId)
				.contentType(MediaType.APPLICATION_JSON)
				.body(NewCheck.GOOD)
				.exchange().expectStatus().isCreated().returnResult(Created.class).getResponseBody());
			var fault = created(keeper.post().uri("/api/v1/devices/{id}/faults", deviceId)
				.contentType(MediaType.APPLICATION_JSON).body(new NewFault("按键失灵")).exchange()
				.expectStatus().isCreated().returnResult(Created.class).getResponseBody());
			repairId = created(keeper.post().uri("/api/v1/devices/{id}/repairs", deviceId)
				.contentType(MediaType.APPLICATION_JSON)
				.body(new NewRepair("东阳市华信电子设备维修有限公司", false)).exchange()
				.expectStatus().isCreated().returnResult(Created.class).getResponseBody());
			var notifications = keeper.get().uri("/api/v1/devices/notifications").exchange()
				.expectStatus().isOk().returnResult(Notification[].class).getResponseBody();
			notificationId = Stream.of(notifications).filter(n -> fault.equals(n.faultId())).findFirst().orElseThrow()
				.id();

			var admin = Api.as(port, "admin");
			certificate = "MX" + System.nanoTime();
			admin.post().uri("/api/v1/staff/{username}/certificates", "chen.hao").contentType(MediaType.APPLICATION_JSON)
				.body(certificate(certificate))
				.exchange().expectStatus().isCreated();
			var stations = admin.get().uri("/api/v1/stations").exchange().expectStatus().isOk()
				.returnResult(Station[].class).getResponseBody();
			stationId = Stream.of(stations).filter(s -> ACCOUNTS.get("STATION").equals(s.username())).findFirst()
				.orElseThrow().id();
			// the administrator gives a new clerk LEGAL_AFFAIRS: a change waiting for the director (two-person rule)
			var clerk = "matrix" + System.nanoTime() % 1_000_000;
			admin.post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
				.body(new StaffApi.NewStaff(clerk, "矩阵测试员", clerk, UUID.fromString(unitId), true,
						List.of("LEGAL_AFFAIRS"), "Matrix-2026x"))
				.exchange().expectStatus().isCreated();
			var changes = admin.get().uri("/api/v1/staff/role-changes?status=PENDING").exchange()
				.expectStatus().isOk().returnResult(StaffApi.RoleChangeView[].class).getResponseBody();
			roleChangeId = Stream.of(changes).filter(c -> clerk.equals(c.username())).findFirst().orElseThrow().id()
				.toString();
			stationToken = stationTokenSecret();
			tokens.put("STATION", stationToken);
			ACCOUNTS.forEach((role, account) -> {
				if (!role.equals("STATION")) {
					tokens.put(role, Api.as(port, account).post().uri("/api/v1/staff/me/tokens")
						.contentType(MediaType.APPLICATION_JSON).body(new StaffApi.NewToken("授权矩阵")).exchange()
						.expectStatus().isCreated().returnResult(StaffApi.IssuedToken.class).getResponseBody().token());
				}
			});

			var tus = http.send(HttpRequest.newBuilder(URI.create(Api.base(port) + "/api/v1/uploads"))
				.header("Authorization", basic("zhang.wei")).header("Tus-Resumable", "1.0.0")
				.header("Upload-Length", "4096")
				.header("Upload-Metadata", "filename " + b64("matrix.mp4") + ",recordedBy " + b64("zhang.wei"))
				.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
			assertThat(tus.statusCode()).as("a tus upload begins").isEqualTo(201);
			uploadPath = URI.create(Api.base(port)).resolve(tus.headers().firstValue("Location").orElseThrow()).getPath();
		}

		private AccessApi.RecordingView recording(String caseId, Instant now) {
			var bytes = Media.mp4(now.minusSeconds(3600), Duration.ofMinutes(5), 2048, System.nanoTime());
			return Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId), bytes,
					"matrix.mp4")
				.expectStatus().isCreated().returnResult(AccessApi.RecordingView.class).getResponseBody();
		}

		private static String created(Created body) {
			return body.id();
		}

		private static String b64(String text) {
			return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		/** A new token of the demo station, its secret. */
		private String stationTokenSecret() {
			return Api.as(port, "admin").post().uri("/api/v1/stations/{id}/tokens", stationId)
				.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.NewToken("matrix " + UUID.randomUUID().toString().substring(0, 8)))
				.exchange().expectStatus().isCreated().returnResult(AccessApi.IssuedToken.class).getResponseBody()
				.token();
		}

		/** A new token of the demo station, its id: a row may rotate or revoke it. */
		private String stationTokenId() {
			return created(Api.as(port, "admin").post().uri("/api/v1/stations/{id}/tokens", stationId)
				.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.NewToken("matrix " + UUID.randomUUID().toString().substring(0, 8)))
				.exchange().expectStatus().isCreated().returnResult(Created.class).getResponseBody());
		}

		/** A new API token of the caller's own, its id, or an unknown id if the caller may have none. */
		private String ownTokenId(String caller) {
			var account = ACCOUNTS.get(caller);
			if (account == null || "STATION".equals(caller)) {
				return UUID.randomUUID().toString();
			}
			var result = Api.as(port, account).post().uri("/api/v1/staff/me/tokens")
				.contentType(MediaType.APPLICATION_JSON).body(new StaffApi.NewToken("matrix " + UUID.randomUUID().toString().substring(0, 8)))
				.exchange().returnResult(Created.class);
			return result.getStatus().value() == 201 ? created(result.getResponseBody()) : UUID.randomUUID().toString();
		}

		/** The form a page route is posted with: empty, or what binds, so the role check is what answers. */
		static String form(String route) {
			return switch (route) {
				case "POST /recordings/corrections/{id}/decision" -> "approve=false";
				default -> "";
			};
		}

		/**
		 * The JSON body a route is called with: {@code {}}, or where bean validation would refuse that before the
		 * roles are checked, a well-formed body that refers to something that exists already (a duplicate), so
		 * that a caller the gate lets through gets 409 (or a harmless answer) and the fixtures stay as they are.
		 */
		String body(String route, String caller) {
			var now = clock.instant().atZone(ZONE).toOffsetDateTime();
			Object body = switch (route) {
				case "POST /recordings/upload/check" -> upload(caller);
				case "POST /api/v1/cases" -> Api.penaltyCase(caseNumber);
				case "POST /api/v1/cases/{id}/stages" -> new NewStage("QUESTIONING", now.minusHours(2), null,
						List.of("zhang.wei", "li.na"));
				case "POST /api/v1/certificates/{number}/revocation", "POST /api/v1/devices/{id}/retire",
						"POST /api/v1/devices/{id}/checks/{checkId}/override" -> new Reason("授权矩阵测试");
				case "POST /api/v1/compliance/exemptions/{id}/decision" -> new ComplianceApi.Decision(false, "授权矩阵测试");
				case "POST /api/v1/devices" -> new NewDevice(serialNumber, "BODY_CAMERA", "测试型号 T1", unitId, null);
				case "POST /api/v1/devices/{id}/checks" -> NewCheck.GOOD;
				case "POST /api/v1/devices/{id}/faults" -> new NewFault("授权矩阵测试");
				// no description: whoever the gate lets through is refused (400) before the device changes
				case "POST /api/v1/devices/{id}/loss" -> Map.of("destroyed", false);
				case "POST /api/v1/devices/{id}/issue" -> new Issue("zhang.wei", checkId);
				case "POST /api/v1/devices/{id}/repairs" -> new NewRepair("东阳市华信电子设备维修有限公司", false);
				// a password the policy refuses: whoever gets through gets 422, and nobody's password changes
				case "POST /api/v1/staff/{username}/password" -> new StaffApi.NewPassword("a");
				case "POST /api/v1/staff/me/password" -> new StaffApi.PasswordChange("not-the-password", "a");
				// the roles zhang.wei has already
				case "PUT /api/v1/staff/{username}/roles" -> new StaffApi.NewRoles(List.of("OFFICER"));
				case "POST /api/v1/staff" -> new StaffApi.NewStaff("zhang.wei", "张伟", "DY0101", UUID.fromString(unitId),
						true, List.of("OFFICER"), null);
				case "POST /api/v1/staff/{username}/certificates" -> certificate(certificate);
				case "POST /api/v1/staff/me/tokens", "POST /api/v1/stations/{id}/tokens" -> new StaffApi.NewToken(
						"授权矩阵测试");
				case "POST /api/v1/stations" -> new AccessApi.NewStation("吴宁所采集站", ACCOUNTS.get("STATION"), unitId,
						"授权矩阵测试");
				case "POST /api/v1/units" -> new NewUnit("DY-JCD", "授权矩阵测试", "BUREAU");
				// deliberately incomplete (no direction, no volume, empty names): a map, to leave those out
				case "PUT /api/v1/document-kinds/{code}" -> Map.of("chineseName", "", "englishName", "", "pageByPage",
						false, "section", 0);
				// deliberately empty: {}
				default -> Map.of();
			};
			return JSON.writeValueAsString(body);
		}

		/**
		 * The multipart body a route is called with: for an upload of a recording, a new recording of the caller's
		 * own into the fixture case (ART-07, finding 5: only those who work on a case upload into it); otherwise no
		 * parts at all.
		 */
		byte[] multipart(String route, String caller) {
			if (!route.equals("POST /api/v1/recordings")) {
				return "--matrix--\r\n".getBytes(StandardCharsets.US_ASCII);
			}
			var out = new java.io.ByteArrayOutputStream();
			out.writeBytes(("--matrix\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
					+ "Content-Type: application/json\r\n\r\n" + JSON.writeValueAsString(upload(caller))
					+ "\r\n--matrix\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.mp4\"\r\n"
					+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.writeBytes(Media.mp4(clock.instant().minusSeconds(3600), Duration.ofMinutes(5), 1024, System.nanoTime()));
			out.writeBytes("\r\n--matrix--\r\n".getBytes(StandardCharsets.US_ASCII));
			return out.toByteArray();
		}

		/** What an uploader says of a recording: made by themselves, for the fixture case; a station's, unlinked. */
		private RecordingMetadata upload(String caller) {
			var account = ACCOUNTS.get(caller);
			if (account == null || "STATION".equals(caller)) {
				return new RecordingMetadata("zhang.wei", null);
			}
			return new RecordingMetadata(account, caseId);
		}

		/** The query a route cannot do without (a required parameter missing would be refused before the roles). */
		String query(String route) {
			return switch (route) {
				case "GET /access/requests/new", "GET /documents/new", "GET /api/v1/documents" -> "?caseId=" + caseId;
				case "GET /api/v1/devices/{id}/holder" -> "?at="
						+ java.net.URLEncoder.encode(clock.instant().atZone(ZONE).toOffsetDateTime().toString(),
								StandardCharsets.UTF_8);
				default -> "";
			};
		}

		/** The path with each variable replaced by the fixture the route is about. */
		String resolve(String template, String caller) {
			var path = template.endsWith("/**") ? uploadPath : template;
			Matcher matcher = VARIABLE.matcher(path);
			var out = new StringBuilder();
			while (matcher.find()) {
				var before = path.substring(0, matcher.start());
				var segment = before.isEmpty() ? "" : before.substring(before.lastIndexOf('/', before.length() - 2) + 1,
						before.length() - 1);
				matcher.appendReplacement(out, Matcher.quoteReplacement(value(template, matcher.group(1), segment, caller)));
			}
			matcher.appendTail(out);
			return out.toString();
		}

		private String value(String template, String variable, String segment, String caller) {
			Map<String, Supplier<String>> byName = Map.ofEntries(Map.entry("caseId", () -> caseId),
					Map.entry("stageId", () -> stageId), Map.entry("exemptionId", () -> exemptionId),
					Map.entry("checkId", () -> checkId), Map.entry("repairId", () -> repairId),
					Map.entry("tokenId", this::stationTokenId), Map.entry("version", () -> "1"),
					Map.entry("seq", () -> "1"), Map.entry("sha256", () -> sha256),
					Map.entry("username", () -> "zhang.wei"), Map.entry("number", () -> certificate),
					Map.entry("code", () -> "FILING_APPROVAL"), Map.entry("subjectType", () -> "RECORDING"),
					Map.entry("subjectId", () -> recordingId), Map.entry("recordId", () -> recordingId));
			if (byName.containsKey(variable)) {
				return byName.get(variable).get();
			}
			if (!variable.equals("id")) {
				throw new IllegalStateException("No fixture for {" + variable + "} in " + template);
			}
			return switch (segment) {
				case "cases", "case" -> caseId;
				case "recordings", "recording" -> recordingId;
				case "documents", "document" -> documentId;
				case "access-requests", "requests" -> requestId;
				case "evidence-packages", "packages" -> packageId;
				case "discs" -> discId;
				case "devices" -> deviceId;
				case "notifications" -> notificationId;
				case "stations" -> stationId;
				case "exemptions" -> exemptionId;
				case "corrections" -> correctionId;
				case "role-changes" -> roleChangeId;
				// no archive: whoever the gate lets through is told there is none (404)
				case "archives" -> "00000000-0000-0000-0000-0000000a4c1e";
				// no alarm is needed: the empty note is refused (400) before the alarm is looked up
				case "alarms" -> "00000000-0000-0000-0000-00000000a1a7";
				// none is needed either: an empty body is refused (400) before the mark, hold or disposition is looked
				// up, and reading one that does not exist answers 404 to whoever may read them
				case "long-term-marks", "long-term", "holds", "dispositions" -> "00000000-0000-0000-0000-0000000d1590";
				// no plan: whoever the gate lets through is told there is none (404)
				case "plans" -> "00000000-0000-0000-0000-0000000b1a45";
				// none is needed: an empty body or form is refused (400) before the signal or violation is looked up,
				// and reading one that does not exist answers 404 to whoever may read them
				case "signals", "violations" -> "00000000-0000-0000-0000-0000000b10a7";
				case "tokens" -> ownTokenId(caller);
				default -> throw new IllegalStateException("No fixture for {id} after /" + segment + "/ in " + template);
			};
		}

		/**
		 * The caller's page session, its cookie and CSRF token: signed in on the login form as the caller's demo
		 * account (one password check per caller, not one per call), or not signed in for a station and anonymous.
		 */
		/** A new page session of this account, signed in on the login form: its cookie. */
		String signIn(String account) throws IOException, InterruptedException {
			var login = page("/login", null);
			var form = "username=" + account + "&password=" + Api.PASSWORD + "&_csrf="
					+ java.net.URLEncoder.encode(login[1], StandardCharsets.UTF_8);
			var signedIn = http.send(HttpRequest.newBuilder(URI.create(Api.base(port) + "/login"))
				.header("Cookie", login[0]).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
			assertThat(signedIn.headers().firstValue("Location").orElse("")).as(account + " signs in")
				.doesNotContain("error");
			return signedIn.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
				.findFirst().map(v -> v.split(";")[0]).orElse(login[0]);
		}

		String[] session(String caller) {
			return sessions.computeIfAbsent(caller, c -> {
				try {
					var login = page("/login", null);
					var account = ACCOUNTS.get(caller);
					if (account == null || "STATION".equals(caller)) {
						return login;
					}
					var form = "username=" + account + "&password=" + Api.PASSWORD + "&_csrf="
							+ java.net.URLEncoder.encode(login[1], StandardCharsets.UTF_8);
					var signedIn = http.send(HttpRequest.newBuilder(URI.create(Api.base(port) + "/login"))
						.header("Cookie", login[0]).header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
					assertThat(signedIn.headers().firstValue("Location").orElse("")).as(account + " signs in")
						.doesNotContain("error");
					var cookie = signedIn.headers().allValues("Set-Cookie").stream()
						.filter(v -> v.startsWith("JSESSIONID=")).findFirst().map(v -> v.split(";")[0]).orElse(login[0]);
					return page("/", cookie);
				}
				catch (IOException | InterruptedException e) {
					throw new IllegalStateException(e);
				}
			});
		}

		/** Loads a page and answers the session cookie it runs in and the CSRF token on it. */
		private String[] page(String path, @org.jspecify.annotations.Nullable String cookie)
				throws IOException, InterruptedException {
			var request = HttpRequest.newBuilder(URI.create(Api.base(port) + path)).header("Accept", "text/html");
			if (cookie != null) {
				request.header("Cookie", cookie);
			}
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			var session = response.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
				.findFirst().map(v -> v.split(";")[0]).orElse(cookie);
			assertThat(session).as("a session for " + path).isNotNull();
			var token = CSRF.matcher(response.body());
			assertThat(token.find()).as("the page carries a CSRF token").isTrue();
			return new String[] { session, token.group(1) };
		}
	}

	static {
		// every role of staff.Role has its demo account
		for (var role : Role.values()) {
			if (!ACCOUNTS.containsKey(role.name())) {
				throw new IllegalStateException("No demo account plays " + role);
			}
		}
	}
}
