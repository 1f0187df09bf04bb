package org.lawtrace;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.lawtrace.cases.CaseApi;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A real HTTP client for the running platform, signed in as one of the demo accounts. */
public final class Api {

	public static final String PASSWORD = "demo";
	private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 900000));

	private Api() {
	}

	public static RestTestClient as(int port, String username) {
		return as(port, username, PASSWORD);
	}

	public static RestTestClient as(int port, String username, String password) {
		return RestTestClient.bindToServer().baseUrl(base(port))
			.defaultHeaders(h -> h.setBasicAuth(username, password))
			.build();
	}

	public static RestTestClient anonymous(int port) {
		return RestTestClient.bindToServer().baseUrl(base(port)).build();
	}

	public static RestTestClient bearer(int port, String token) {
		return RestTestClient.bindToServer().baseUrl(base(port))
			.defaultHeaders(h -> h.setBearerAuth(token))
			.build();
	}

	public static String base(int port) {
		return "http://127.0.0.1:" + port;
	}

	/** A case number no other test has used in this run. */
	public static String newCaseNumber() {
		return "东市监处〔2026〕" + NEXT_NUMBER.incrementAndGet() + "号";
	}

	/**
	 * A valid penalty case body as a map, for the tests that break it on purpose (wrong types, missing fields); the
	 * well-formed body is {@link CaseApi#penaltyCase(String)}.
	 */
	public static Map<String, Object> penaltyCase(String caseNumber) {
		return Map.of("caseNumber", caseNumber, "kind", "ADMINISTRATIVE_PENALTY", "procedure", "GENERAL",
				"title", "东阳市示例食品有限公司销售过期食品案", "major", false,
				"handlers", List.of("zhang.wei", "li.na"),
				"parties", List.of(Map.of("kind", "ORGANIZATION", "name", "东阳市示例食品有限公司",
						"idNumber", "91330783MA2HX7Q5PJ")));
	}

	/** Opens a penalty case as zhang.wei and answers its id. */
	public static String openCase(int port, String caseNumber) {
		return as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(CaseApi.penaltyCase(caseNumber))
			.exchange()
			.expectStatus().isCreated()
			.returnResult(CaseApi.CaseView.class).getResponseBody().id();
	}

	/**
	 * ART-20: {@code requester} asks to see a whole case and {@code approver} approves it for a week; answers the
	 * request's id.
	 */
	public static String approvedAccess(int port, String requester, String approver, String caseId) {
		var requestId = as(port, requester).post().uri("/api/v1/access-requests").contentType(MediaType.APPLICATION_JSON)
			.body(new CaseAccessRequest(caseId, "CASE", "向法院提供证据材料", 7))
			.exchange()
			.expectStatus().isCreated()
			.returnResult(Created.class).getResponseBody().id();
		as(port, approver).post().uri("/api/v1/access-requests/{id}/approval", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new Decision("同意"))
			.exchange()
			.expectStatus().isOk();
		return requestId;
	}

	/** ART-20: the body asking to see a whole case for some days. */
	private record CaseAccessRequest(String caseId, String scope, String purpose, int days) {
	}

	/** An approval's or a rejection's body. */
	private record Decision(String opinion) {
	}

	/** What every resource created over the API answers at least: its id. */
	public record Created(String id) {
	}

	/**
	 * An RFC 9457 problem+json answer with LawTrace's extensions: {@code field} names what is wrong, {@code errors}
	 * lists every invalid field, {@code contentType}/{@code accepted} come with 415 and {@code available} with 406.
	 */
	public record Problem(String type, String title, int status, String detail, String instance, String field,
			List<FieldError> errors, String contentType, List<String> accepted, List<String> available) {
	}

	/** One entry of a problem's {@code errors}. */
	public record FieldError(String field, String message) {
	}
}
