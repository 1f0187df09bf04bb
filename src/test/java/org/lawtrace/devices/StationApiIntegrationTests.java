package org.lawtrace.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.devices.DeviceApi.IssuedToken;
import org.lawtrace.devices.DeviceApi.NewStation;
import org.lawtrace.devices.DeviceApi.NewToken;
import org.lawtrace.devices.DeviceApi.StationView;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@LawTraceIntegrationTest
class StationApiIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	@DisplayName("Collection stations: a token is issued, rotated and revoked; the rotated-out token no longer "
			+ "authenticates, the new one does until it is revoked")
	void stationTokenIsIssuedRotatedAndRevoked() {
		var station = registerStation(Api.as(port, "admin"));
		var id = station.id();
		assertThat(station.staffNumber()).matches("ST-\\d{4}");
		assertThat(station.lastContactAt()).isNull();
		assertThat(station.uploadCount()).isZero();

		var first = issue(Api.as(port, "zhao.min"), id);
		Api.bearer(port, first.token()).get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.tokens").isArray();
		Api.as(port, "zhao.min").get().uri("/api/v1/stations/{id}", id).exchange().expectStatus().isOk()
			.expectBody(String.class).value(body -> assertThat(body)
				.doesNotContain(first.token())
				.contains("\"lastContactAt\":\"").contains("\"lastUsedAt\":\""));

		var rotated = Api.as(port, "zhao.min").post()
			.uri("/api/v1/stations/{id}/tokens/{t}/rotation", id, first.id()).exchange()
			.expectStatus().isCreated()
			.returnResult(IssuedToken.class).getResponseBody();
		assertThat(rotated.token()).isNotNull().isNotEqualTo(first.token());
		assertThat(rotated.name()).isEqualTo(first.name());
		Api.bearer(port, first.token()).get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isUnauthorized();
		Api.bearer(port, rotated.token()).get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isOk();

		// a rotated-out token cannot be rotated again: it would hand out a second live token
		Api.as(port, "zhao.min").post().uri("/api/v1/stations/{id}/tokens/{t}/rotation", id, first.id())
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("tokenId");

		Api.as(port, "admin").delete().uri("/api/v1/stations/{id}/tokens/{t}", id, rotated.id()).exchange()
			.expectStatus().isNoContent();
		Api.bearer(port, rotated.token()).get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isUnauthorized();
		assertThat(Api.as(port, "admin").get().uri("/api/v1/stations/{id}", id).exchange()
			.returnResult(StationView.class).getResponseBody().tokens()).hasSize(2)
			.allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
	}

	@Test
	@DisplayName("A station signs in with tokens only and may do nothing but what a station does")
	void aStationIsAMachineWithoutStaffPowers() {
		var station = registerStation(Api.as(port, "zhao.min"));
		var token = issue(Api.as(port, "admin"), station.id()).token();
		var asStation = Api.bearer(port, token);
		asStation.get().uri("/api/v1/cases").exchange().expectStatus().isForbidden();
		asStation.get().uri("/api/v1/devices").exchange().expectStatus().isForbidden();
		asStation.get().uri("/api/v1/staff").exchange().expectStatus().isForbidden();
		asStation.get().uri("/api/v1/stations").exchange().expectStatus().isForbidden();
		Api.as(port, station.username(), "").get().uri("/api/v1/stations/me").exchange()
			.expectStatus().isUnauthorized();
		Api.as(port, "admin").get().uri("/api/v1/staff/{u}/qualification", station.username()).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.enforcementOfficer").isEqualTo(false)
			.jsonPath("$.mayRecordAudioVisual").isEqualTo(false);
	}

	@Test
	void onlyTheAdministratorAndTheKeeperManageStations() {
		Api.as(port, "zhang.wei").post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(new NewStation("某采集站", "station.x", UUID.randomUUID().toString(), "某处"))
			.exchange().expectStatus().isForbidden();
		var demo = Api.as(port, "sun.li").get().uri("/api/v1/stations").exchange().expectStatus().isOk()
			.returnResult(DeviceApi.STATIONS).getResponseBody();
		// uploadCount is a long the record requires: a station without it would not be read
		assertThat(demo).anySatisfy(s -> {
			assertThat(s.name()).isEqualTo("吴宁所采集站");
			assertThat(s.username()).isEqualTo("station.wuning");
			assertThat(s.unit().name()).contains("吴宁市场监管所");
		});
		Api.as(port, "sun.li").post().uri("/api/v1/stations/{id}/tokens", demo.get(0).id())
			.contentType(MediaType.APPLICATION_JSON).body(new NewToken("x", null)).exchange().expectStatus()
			.isForbidden();
	}

	@Test
	void refusesDuplicateStationNamesAndAccountsAndStationRolesForPeople() {
		var admin = Api.as(port, "admin");
		var wuning = unitId("DY-WN");
		admin.post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(new NewStation("吴宁所采集站", "station.other", wuning, "二楼"))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("name");
		admin.post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(new NewStation("横店所采集站" + UUID.randomUUID().toString().substring(0, 4), "station.wuning", wuning,
					"二楼"))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("username");
		// the staff module's body, in its shape there
		admin.post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", "fake.station", "name", "假采集站", "staffNumber", "FS1", "unitId", wuning,
					"permanent", false, "roles", List.of("STATION"), "password", "pw-pw-pw"))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("roles");
	}

	private StationView registerStation(RestTestClient as) {
		var suffix = UUID.randomUUID().toString().substring(0, 6);
		return as.post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(new NewStation("测试采集站" + suffix, "station.t" + suffix, unitId("DY-WN"), "吴宁市场监管所一楼"))
			.exchange().expectStatus().isCreated()
			.returnResult(StationView.class).getResponseBody();
	}

	private IssuedToken issue(RestTestClient as, String stationId) {
		return as.post().uri("/api/v1/stations/{id}/tokens", stationId).contentType(MediaType.APPLICATION_JSON)
			.body(new NewToken("采集站上传代理", null)).exchange()
			.expectStatus().isCreated()
			.returnResult(IssuedToken.class).getResponseBody();
	}

	private String unitId(String code) {
		return Api.as(port, "admin").get().uri("/api/v1/units").exchange().returnResult(DeviceApi.UNITS)
			.getResponseBody().stream().filter(u -> code.equals(u.code())).findFirst().orElseThrow().id();
	}
}
