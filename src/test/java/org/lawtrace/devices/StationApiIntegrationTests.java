package org.lawtrace.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@LawTraceIntegrationTest
class StationApiIntegrationTests {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Test
	@DisplayName("Collection stations: a token is issued, rotated and revoked; the rotated-out token no longer "
			+ "authenticates, the new one does until it is revoked")
	void stationTokenIsIssuedRotatedAndRevoked() {
		var station = registerStation(Api.as(port, "admin"));
		var id = station.get("id").toString();
		assertThat(station.get("staffNumber").toString()).matches("ST-\\d{4}");
		assertThat(station).containsEntry("lastContactAt", null).containsEntry("uploadCount", 0);

		var first = issue(Api.as(port, "zhao.min"), id);
		Api.bearer(port, first.get("token").toString()).get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.tokens").isArray();
		Api.as(port, "zhao.min").get().uri("/api/v1/stations/{id}", id).exchange().expectStatus().isOk()
			.expectBody(String.class).value(body -> assertThat(body)
				.doesNotContain(first.get("token").toString())
				.contains("\"lastContactAt\":\"").contains("\"lastUsedAt\":\""));

		var rotated = Api.as(port, "zhao.min").post()
			.uri("/api/v1/stations/{id}/tokens/{t}/rotation", id, first.get("id")).exchange()
			.expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody();
		assertThat(rotated.get("token")).isNotEqualTo(first.get("token"));
		assertThat(rotated).containsEntry("name", first.get("name"));
		Api.bearer(port, first.get("token").toString()).get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isUnauthorized();
		Api.bearer(port, rotated.get("token").toString()).get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isOk();

		// a rotated-out token cannot be rotated again: it would hand out a second live token
		Api.as(port, "zhao.min").post().uri("/api/v1/stations/{id}/tokens/{t}/rotation", id, first.get("id"))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("tokenId");

		Api.as(port, "admin").delete().uri("/api/v1/stations/{id}/tokens/{t}", id, rotated.get("id")).exchange()
			.expectStatus().isNoContent();
		Api.bearer(port, rotated.get("token").toString()).get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isUnauthorized();
		Api.as(port, "admin").get().uri("/api/v1/stations/{id}", id).exchange()
			.expectBody(Map.class).value(body -> assertThat((List<?>) body.get("tokens")).hasSize(2)
				.allSatisfy(t -> assertThat((Map<?, ?>) t).extracting(m -> m.get("revokedAt")).isNotNull()));
	}

	@Test
	@DisplayName("A station signs in with tokens only and may do nothing but what a station does")
	void aStationIsAMachineWithoutStaffPowers() {
		var station = registerStation(Api.as(port, "zhao.min"));
		var token = issue(Api.as(port, "admin"), station.get("id").toString()).get("token").toString();
		var asStation = Api.bearer(port, token);
		asStation.get().uri("/api/v1/cases").exchange().expectStatus().isForbidden();
		asStation.get().uri("/api/v1/devices").exchange().expectStatus().isForbidden();
		asStation.get().uri("/api/v1/staff").exchange().expectStatus().isForbidden();
		asStation.get().uri("/api/v1/stations").exchange().expectStatus().isForbidden();
		Api.as(port, station.get("username").toString(), "").get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isUnauthorized();
		Api.as(port, "admin").get().uri("/api/v1/staff/{u}/qualification", station.get("username")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.enforcementOfficer").isEqualTo(false)
			.jsonPath("$.mayRecordAudioVisual").isEqualTo(false);
	}

	@Test
	void onlyTheAdministratorAndTheKeeperManageStations() {
		Api.as(port, "zhang.wei").post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "某采集站", "username", "station.x", "unitId", UUID.randomUUID(), "location", "某处"))
			.exchange().expectStatus().isForbidden();
		var demo = Api.as(port, "sun.li").get().uri("/api/v1/stations").exchange().expectStatus().isOk()
			.expectBody(LIST).returnResult().getResponseBody();
		assertThat(demo).anySatisfy(s -> assertThat(s).containsEntry("name", "吴宁所采集站")
			.containsEntry("username", "station.wuning").containsKey("uploadCount")
			.hasEntrySatisfying("unit", u -> assertThat(u.toString()).contains("吴宁市场监管所")));
		Api.as(port, "sun.li").post().uri("/api/v1/stations/{id}/tokens", demo.get(0).get("id"))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "x")).exchange().expectStatus().isForbidden();
	}

	@Test
	void refusesDuplicateStationNamesAndAccountsAndStationRolesForPeople() {
		var admin = Api.as(port, "admin");
		var wuning = unitId("DY-WN");
		admin.post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "吴宁所采集站", "username", "station.other", "unitId", wuning, "location", "二楼"))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("name");
		admin.post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "横店所采集站" + UUID.randomUUID().toString().substring(0, 4), "username",
					"station.wuning", "unitId", wuning, "location", "二楼"))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("username");
		admin.post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", "fake.station", "name", "假采集站", "staffNumber", "FS1", "unitId", wuning,
					"permanent", false, "roles", List.of("STATION"), "password", "pw-pw-pw"))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("roles");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> registerStation(RestTestClient as) {
		var suffix = UUID.randomUUID().toString().substring(0, 6);
		return as.post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "测试采集站" + suffix, "username", "station.t" + suffix, "unitId", unitId("DY-WN"),
					"location", "吴宁市场监管所一楼"))
			.exchange().expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> issue(RestTestClient as, String stationId) {
		return as.post().uri("/api/v1/stations/{id}/tokens", stationId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "采集站上传代理")).exchange()
			.expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody();
	}

	private String unitId(String code) {
		var unit = Api.as(port, "admin").get().uri("/api/v1/units").exchange().expectBody(LIST).returnResult().getResponseBody()
			.stream().filter(u -> code.equals(u.get("code"))).findFirst().orElseThrow();
		return unit.get("id").toString();
	}
}
