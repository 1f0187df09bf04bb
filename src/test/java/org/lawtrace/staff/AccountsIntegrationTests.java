package org.lawtrace.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.TestDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Accounts an insider cannot turn against the bureau (issue 11, finding 8): the two-person rule for evidence roles
 * (ART-19, ART-20), a password policy and a first sign-in change (GB/T 22239-2019 level 3, 身份鉴别), lock-out per
 * client address that cannot lock the approvers out, and every account change in the audit log (ART-22).
 */
@LawTraceIntegrationTest
class AccountsIntegrationTests {

	static final String GOOD = "Zhifa-2026";
	static final String CHANGED = "Jilu-2027!";

	@LocalServerPort
	int port;

	@Value("${lawtrace.data-dir}")
	String dataDir;

	@Value("${spring.datasource.url}")
	String datasourceUrl;

	@Test
	@DisplayName("ART-19, ART-20: legal affairs given by the administrator takes effect only once the director confirms it")
	void evidenceRoleWaitsForTheDirector() {
		var username = newStaff(List.of("OFFICER", "LEGAL_AFFAIRS"))
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.roles").isEqualTo(List.of("OFFICER"))
			.jsonPath("$.pendingRoles").isEqualTo(List.of("LEGAL_AFFAIRS"))
			.returnResult().getResponseBody();
		var name = usernameOf(username);
		changeOwnPassword(name, GOOD, CHANGED);
		var person = Api.as(port, name, CHANGED);
		person.get().uri("/api/v1/evidence-packages").exchange().expectStatus().isForbidden();

		var change = pendingChangeOf(name);
		Api.as(port, "admin").post().uri("/api/v1/staff/role-changes/{id}/confirmation", change).exchange()
			.expectStatus().isForbidden();
		person.get().uri("/api/v1/evidence-packages").exchange().expectStatus().isForbidden();

		Api.as(port, "sun.li").post().uri("/api/v1/staff/role-changes/{id}/confirmation", change).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("CONFIRMED").jsonPath("$.decidedBy").isEqualTo("sun.li");
		person.get().uri("/api/v1/evidence-packages").exchange().expectStatus().isOk();
		Api.as(port, "sun.li").post().uri("/api/v1/staff/role-changes/{id}/confirmation", change).exchange()
			.expectStatus().isEqualTo(409);

		// ART-22: created, requested, confirmed and the password change are in the audit log
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(auditActions(name))
			.contains("ACCOUNT_CREATED", "ROLE_CHANGE_REQUESTED", "ROLE_CHANGE_CONFIRMED", "PASSWORD_CHANGED"));
	}

	@Test
	@DisplayName("ART-20: a role change giving an evidence role answers 202 and can be refused; taking roles away is at once")
	void roleChangeOfAnExistingAccount() {
		var name = usernameOf(newStaff(List.of("OFFICER")).expectStatus().isCreated().expectBody()
			.returnResult().getResponseBody());
		var admin = Api.as(port, "admin");
		admin.put().uri("/api/v1/staff/{u}/roles", name).contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewRoles(List.of("OFFICER", "CUSTODIAN"))).exchange()
			.expectStatus().isAccepted()
			.expectBody().jsonPath("$.status").isEqualTo("PENDING").jsonPath("$.roles").isEqualTo(List.of("CUSTODIAN"));
		admin.get().uri("/api/v1/staff/{u}", name).exchange()
			.expectBody().jsonPath("$.roles").isEqualTo(List.of("OFFICER"))
			.jsonPath("$.pendingRoles").isEqualTo(List.of("CUSTODIAN"));
		var change = pendingChangeOf(name);
		// the director's home page lists it in Chinese, people by name, roles by their Chinese names
		Api.as(port, "sun.li").get().uri("/").exchange().expectStatus().isOk()
			.expectBody(String.class).value(page -> {
				var start = page.indexOf("id=\"role-changes\"");
				var section = page.substring(start, page.indexOf("</section>", start));
				assertThat(section).contains("角色变更", "测试人员", "档案管理人员", "系统管理员", "待局长确认", "确认授予")
					.doesNotContain(name, "CUSTODIAN", "PENDING");
			});
		Api.as(port, "sun.li").post().uri("/api/v1/staff/role-changes/{id}/refusal", change)
			.contentType(MediaType.APPLICATION_JSON).body(new StaffApi.Refusal("未经档案科推荐")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REFUSED");
		admin.get().uri("/api/v1/staff/{u}", name).exchange()
			.expectBody().jsonPath("$.roles").isEqualTo(List.of("OFFICER")).jsonPath("$.pendingRoles").isEmpty();

		admin.put().uri("/api/v1/staff/{u}/roles", name).contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewRoles(List.of("ASSISTANT"))).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.roles").isEqualTo(List.of("ASSISTANT"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(auditActions(name))
			.contains("ROLE_CHANGE_REFUSED", "ROLES_CHANGED"));
	}

	@Test
	@DisplayName("ART-20: the director cannot confirm a change to their own account, and is told there is no other director")
	void directorCannotConfirmOwnRoleChange() {
		Api.as(port, "admin").put().uri("/api/v1/staff/sun.li/roles").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewRoles(List.of("DIRECTOR", "LEGAL_AFFAIRS"))).exchange()
			.expectStatus().isAccepted();
		var change = pendingChangeOf("sun.li");
		var director = Api.as(port, "sun.li");
		director.post().uri("/api/v1/staff/role-changes/{id}/confirmation", change).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("另一位局长"));
		director.get().uri("/api/v1/staff/sun.li").exchange()
			.expectBody().jsonPath("$.roles").isEqualTo(List.of("DIRECTOR"))
			.jsonPath("$.pendingRoles").isEqualTo(List.of("LEGAL_AFFAIRS"));
		director.post().uri("/api/v1/staff/role-changes/{id}/refusal", change).exchange().expectStatus().isOk();
	}

	@Test
	@DisplayName("GB/T 22239: password 'a' is refused with 422 naming password, on creation and on reset")
	void weakPasswordIsRefused() {
		newStaff(List.of("OFFICER"), "a").expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.field").isEqualTo("password");
		var name = usernameOf(newStaff(List.of("OFFICER")).expectStatus().isCreated().expectBody()
			.returnResult().getResponseBody());
		Api.as(port, "admin").post().uri("/api/v1/staff/{u}/password", name).contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewPassword("a")).exchange()
			.expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("password");
		Api.as(port, name, GOOD).post().uri("/api/v1/staff/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.PasswordChange(GOOD, name + "-X1")).exchange()
			.expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("password");
	}

	@Test
	@DisplayName("GB/T 22239: a created or reset account must change its password before anything else, on the API and the pages")
	void newAccountMustChangeItsPasswordFirst() {
		var name = usernameOf(newStaff(List.of("OFFICER")).expectStatus().isCreated().expectBody()
			.returnResult().getResponseBody());
		var fresh = Api.as(port, name, GOOD);
		fresh.get().uri("/api/v1/cases").exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.field").isEqualTo("password")
			.jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("修改密码"));
		fresh.post().uri("/api/v1/staff/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewToken("绕过")).exchange().expectStatus().isForbidden();
		// pages lead to the change-password page and nowhere else
		fresh.get().uri("/").exchange().expectStatus().isFound()
			.expectHeader().value("Location", l -> assertThat(l).endsWith("/account/password"));
		fresh.get().uri("/account/password").exchange().expectStatus().isOk()
			.expectBody(String.class).value(page -> assertThat(page).contains("修改密码", "id=\"password-form\""));

		fresh.post().uri("/api/v1/staff/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.PasswordChange("wrong", CHANGED)).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("currentPassword");
		changeOwnPassword(name, GOOD, CHANGED);
		Api.as(port, name, CHANGED).get().uri("/api/v1/cases").exchange().expectStatus().isOk();
		Api.as(port, name, GOOD).get().uri("/api/v1/cases").exchange().expectStatus().isUnauthorized();

		// a reset by the administrator requires a change again
		Api.as(port, "admin").post().uri("/api/v1/staff/{u}/password", name).contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewPassword(GOOD)).exchange().expectStatus().isNoContent();
		Api.as(port, name, GOOD).get().uri("/api/v1/cases").exchange().expectStatus().isForbidden();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(auditActions(name))
			.contains("PASSWORD_RESET"));
	}

	@Test
	@DisplayName("GB/T 22239: signing in on the page with a password set by the administrator leads to 修改密码 and nowhere else")
	void pageSignInLeadsToThePasswordChange() {
		var name = usernameOf(newStaff(List.of("OFFICER")).expectStatus().isCreated().expectBody()
			.returnResult().getResponseBody());
		var anonymous = Api.anonymous(port);
		var login = anonymous.get().uri("/login").exchange().expectStatus().isOk().returnResult(String.class);
		var cookie = sessionCookie(login.getResponseHeaders(), null);
		var signIn = new LinkedMultiValueMap<String, String>();
		signIn.add("username", name);
		signIn.add("password", GOOD);
		signIn.add("_csrf", csrf(login.getResponseBody()));
		var signedIn = anonymous.post().uri("/login").header(HttpHeaders.COOKIE, cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(signIn).exchange()
			.expectStatus().is3xxRedirection().returnResult(String.class);
		cookie = sessionCookie(signedIn.getResponseHeaders(), cookie);
		for (var page : List.of("/", "/cases", "/recordings", "/access/requests")) {
			anonymous.get().uri(page).header(HttpHeaders.COOKIE, cookie).exchange().expectStatus().isFound()
				.expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).endsWith("/account/password"));
		}
		var form = anonymous.get().uri("/account/password").header(HttpHeaders.COOKIE, cookie).exchange()
			.expectStatus().isOk().returnResult(String.class).getResponseBody();
		assertThat(form).contains("修改密码", "不得包含用户名");
		var change = new LinkedMultiValueMap<String, String>();
		change.add("currentPassword", GOOD);
		change.add("password", "short");
		change.add("confirmation", "short");
		change.add("_csrf", csrf(form));
		anonymous.post().uri("/account/password").header(HttpHeaders.COOKIE, cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(change).exchange()
			.expectStatus().isOk().expectBody(String.class).value(page -> assertThat(page).contains("password-error"));
		change.set("password", CHANGED);
		change.set("confirmation", CHANGED);
		anonymous.post().uri("/account/password").header(HttpHeaders.COOKIE, cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(change).exchange()
			.expectStatus().isFound()
			.expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).endsWith("/login?changed"));
		Api.as(port, name, CHANGED).get().uri("/api/v1/cases").exchange().expectStatus().isOk();

		// ART-20: an open session ends when the administrator resets the password or takes the account away; it does
		// not keep the authorities it signed in with until it times out
		var session = formSignIn(anonymous, name, CHANGED);
		anonymous.get().uri("/cases").header(HttpHeaders.COOKIE, session).exchange().expectStatus().isOk();
		Api.as(port, "admin").post().uri("/api/v1/staff/{u}/password", name).contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewPassword(GOOD)).exchange().expectStatus().isNoContent();
		// no session any more: the caller is anonymous (401 to a client that does not ask for a page)
		anonymous.get().uri("/cases").header(HttpHeaders.COOKIE, session).exchange().expectStatus().isUnauthorized();
	}

	private String formSignIn(RestTestClient anonymous, String name, String password) {
		var login = anonymous.get().uri("/login").exchange().expectStatus().isOk().returnResult(String.class);
		var cookie = sessionCookie(login.getResponseHeaders(), null);
		var signIn = new LinkedMultiValueMap<String, String>();
		signIn.add("username", name);
		signIn.add("password", password);
		signIn.add("_csrf", csrf(login.getResponseBody()));
		var signedIn = anonymous.post().uri("/login").header(HttpHeaders.COOKIE, cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(signIn).exchange()
			.expectStatus().is3xxRedirection().returnResult(String.class);
		return sessionCookie(signedIn.getResponseHeaders(), cookie);
	}

	private static String csrf(String page) {
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private static String sessionCookie(HttpHeaders headers, String fallback) {
		var cookies = headers.get(HttpHeaders.SET_COOKIE);
		return cookies == null ? fallback : cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
			.map(c -> c.split(";")[0]).orElse(fallback);
	}

	@Test
	@DisplayName("GB/T 22239, ART-20: five wrong passwords from one address do not stop the right one from another; unlock lifts it")
	void failuresFromOneAddressDoNotLockTheOwnerOut() {
		var name = usernameOf(newStaff(List.of("OFFICER")).expectStatus().isCreated().expectBody()
			.returnResult().getResponseBody());
		changeOwnPassword(name, GOOD, CHANGED);
		var elsewhere = "127.0.0.2";
		for (var i = 0; i < 5; i++) {
			assertThat(statusFrom(elsewhere, name, "wrong" + i)).isEqualTo(401);
		}
		assertThat(statusFrom(elsewhere, name, CHANGED)).isEqualTo(401);
		assertThat(statusFrom("127.0.0.1", name, CHANGED)).isEqualTo(200);
		Api.as(port, name, CHANGED).get().uri("/api/v1/cases").exchange().expectStatus().isOk();

		Api.as(port, "zhang.wei").post().uri("/api/v1/staff/{u}/unlock", name).exchange().expectStatus().isForbidden();
		Api.as(port, "sun.li").post().uri("/api/v1/staff/{u}/unlock", name).exchange().expectStatus().isNoContent();
		assertThat(statusFrom(elsewhere, name, CHANGED)).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(auditActions(name))
			.contains("ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED"));
	}

	@Test
	@DisplayName("GB/T 22239: the embedded database's password is kept owner-only and the empty one is refused")
	void embeddedDatabaseHasARandomPassword() throws Exception {
		Assumptions.assumeFalse(TestDatabase.postgres(), "PostgreSQL has its own credentials");
		var file = Path.of(dataDir, "db", "credentials");
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		var refused = false;
		try (var connection = DriverManager.getConnection(datasourceUrl, "sa", "")) {
			// opened: the old empty password still works
		}
		catch (SQLException e) {
			refused = true;
		}
		assertThat(refused).as("the database refuses user sa with the empty password").isTrue();
	}

	@Test
	@DisplayName("ART-19, ART-20: the administrator reads no record content, packages or audit log, but sees role changes")
	void administratorHoldsNoEvidencePower() {
		var admin = Api.as(port, "admin");
		admin.get().uri("/api/v1/evidence-packages").exchange().expectStatus().isForbidden();
		admin.get().uri("/api/v1/audit/entries").exchange().expectStatus().isForbidden();
		admin.get().uri("/api/v1/recordings/{id}/content", UUID.randomUUID()).exchange().expectStatus().isForbidden();
		admin.get().uri("/api/v1/documents/{id}/content", UUID.randomUUID()).exchange().expectStatus().isForbidden();
		admin.get().uri("/api/v1/staff/role-changes").exchange().expectStatus().isOk();
		Api.as(port, "zhang.wei").get().uri("/api/v1/staff/role-changes").exchange().expectStatus().isForbidden();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec newStaff(List<String> roles) {
		return newStaff(roles, GOOD);
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec newStaff(List<String> roles,
			String password) {
		var admin = Api.as(port, "admin");
		var unitId = admin.get().uri("/api/v1/staff/zhang.wei").exchange().returnResult(StaffApi.StaffView.class)
			.getResponseBody().unitId();
		var username = "acct" + UUID.randomUUID().toString().substring(0, 8);
		return admin.post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewStaff(username, "测试人员", username, unitId, true, roles, password))
			.exchange();
	}

	private static String usernameOf(byte[] body) {
		var json = new String(body, StandardCharsets.UTF_8);
		var m = java.util.regex.Pattern.compile("\"username\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private void changeOwnPassword(String username, String current, String next) {
		Api.as(port, username, current).post().uri("/api/v1/staff/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.PasswordChange(current, next)).exchange()
			.expectStatus().isNoContent();
	}

	private String pendingChangeOf(String username) {
		var changes = Api.as(port, "sun.li").get().uri("/api/v1/staff/role-changes?status=PENDING").exchange()
			.expectStatus().isOk()
			.returnResult(StaffApi.RoleChangeView[].class).getResponseBody();
		return Stream.of(changes).filter(c -> username.equals(c.username())).map(c -> c.id().toString()).findFirst()
			.orElseThrow();
	}

	private List<String> auditActions(String username) {
		var page = Api.as(port, "zhou.tao").get()
			.uri("/api/v1/audit/entries?subjectType=STAFF&subjectId={u}&size=100", username).exchange()
			.expectStatus().isOk().returnResult(StaffApi.AuditPage.class).getResponseBody();
		return page.items().stream().map(StaffApi.AuditEntry::action).toList();
	}

	/**
	 * One API call with HTTP Basic from a chosen loopback address: the server does not trust X-Forwarded-For, so a
	 * second client address is a socket bound to it.
	 */
	private int statusFrom(String address, String username, String password) {
		var credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		try (var socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(address), 0)) {
			socket.setSoTimeout(20_000);
			var request = "GET /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Basic "
					+ credentials + "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			return Integer.parseInt(response.substring(9, 12));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
