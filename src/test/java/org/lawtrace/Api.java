package org.lawtrace;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

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

	/** A valid penalty case body, handled by the two demo officers, for one organisation. */
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
			.body(penaltyCase(caseNumber))
			.exchange()
			.expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody().get("id").toString();
	}

	/**
	 * ART-20: {@code requester} asks to see a whole case and {@code approver} approves it for a week; answers the
	 * request's id.
	 */
	public static String approvedAccess(int port, String requester, String approver, String caseId) {
		var requestId = as(port, requester).post().uri("/api/v1/access-requests").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("caseId", caseId, "scope", "CASE", "purpose", "向法院提供证据材料", "days", 7))
			.exchange()
			.expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody().get("id").toString();
		as(port, approver).post().uri("/api/v1/access-requests/{id}/approval", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("opinion", "同意"))
			.exchange()
			.expectStatus().isOk();
		return requestId;
	}
}
