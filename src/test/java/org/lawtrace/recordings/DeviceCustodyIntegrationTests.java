package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The demo ledger has DY-ZFJLY-0001 issued to zhang.wei, 0002 to li.na, 0003 in store and 0004 in repair, all
 * since the platform started; photos taken now are judged against that.
 */
@LawTraceIntegrationTest
class DeviceCustodyIntegrationTests {

	@LocalServerPort
	int port;

	private static long seed = System.nanoTime();

	private String upload(Map<String, Object> metadata) {
		var photo = Media.jpeg(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0), 29.29, 120.24, seed++);
		return Uploads.upload(Api.as(port, "zhao.min"), metadata, photo, "IMG_" + seed + ".JPG")
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("deviceFinding") + "";
	}

	@Test
	@DisplayName("ART-10, ART-11: a recording made on a device issued to its recorder is in order")
	void aRecordingOnTheRecordersOwnDeviceIsInOrder() {
		assertThat(upload(Map.of("recordedBy", "zhang.wei", "deviceSerial", "DY-ZFJLY-0001"))).isEqualTo("HELD_BY_RECORDER");
	}

	@Test
	@DisplayName("ART-10, ART-11: a recording made on a device held by someone else is flagged, on its page too")
	void aRecordingOnSomeoneElsesDeviceIsFlagged() {
		var photo = Media.jpeg(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0), 29.29, 120.24, seed++);
		var id = Uploads.upload(Api.as(port, "zhao.min"), Map.of("recordedBy", "li.na", "deviceSerial", "DY-ZFJLY-0001"),
				photo, "IMG_" + seed + ".JPG")
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.deviceFinding").isEqualTo("HELD_BY_ANOTHER")
			.returnResult().getResponseBody();
		var recordingId = new String(id, java.nio.charset.StandardCharsets.UTF_8).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		Api.as(port, "li.na").get().uri("/recordings/{id}", recordingId).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(page -> assertThat(page).contains("设备当时由他人领用"));
	}

	@Test
	@DisplayName("ART-11, ART-12: recordings on an unissued, a faulty or an unknown device are flagged")
	void recordingsOnUnissuedFaultyOrUnknownDevicesAreFlagged() {
		assertThat(upload(Map.of("recordedBy", "zhang.wei", "deviceSerial", "DY-ZFJLY-0003"))).isEqualTo("NOT_ISSUED");
		assertThat(upload(Map.of("recordedBy", "chen.hao", "deviceSerial", "DY-ZFJLY-0004"))).isEqualTo("OUT_OF_SERVICE");
		assertThat(upload(Map.of("recordedBy", "zhang.wei", "deviceSerial", "NOPE-99999"))).isEqualTo("UNKNOWN_DEVICE");
	}

	@Test
	@DisplayName("A station's upload that names no recorder is credited to whoever held the device, and counted")
	void aStationUploadIsCreditedToTheDevicesHolder() {
		java.util.List<?> units = Api.as(port, "admin").get().uri("/api/v1/units").exchange()
			.returnResult(java.util.List.class).getResponseBody();
		Object wuning = null;
		for (var unit : units) {
			if ("DY-WN".equals(((Map<?, ?>) unit).get("code"))) {
				wuning = ((Map<?, ?>) unit).get("id");
			}
		}
		var name = "custody" + seed++;
		var id = Api.as(port, "admin").post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "测试采集站" + name, "username", "station." + name, "unitId", wuning, "location", "测试"))
			.exchange().expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id");
		var token = Api.as(port, "admin").post().uri("/api/v1/stations/{id}/tokens", id)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "custody test")).exchange()
			.returnResult(Map.class).getResponseBody().get("token").toString();
		var before = ((Number) ((Map<?, ?>) Api.as(port, "admin").get().uri("/api/v1/stations/{id}", id).exchange()
			.returnResult(Map.class).getResponseBody()).get("uploadCount")).longValue();

		var photo = Media.jpeg(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0), 29.29, 120.24, seed++);
		Uploads.upload(Api.bearer(port, token), Map.of("deviceSerial", "DY-ZFJLY-0002"), photo, "IMG_S.JPG")
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.recordedBy.username").isEqualTo("li.na")
			.jsonPath("$.deviceFinding").isEqualTo("HELD_BY_RECORDER");
		var deadline = System.nanoTime() + 10_000_000_000L;
		long after = before;
		while (after == before && System.nanoTime() < deadline) {
			after = ((Number) ((Map<?, ?>) Api.as(port, "admin").get().uri("/api/v1/stations/{id}", id).exchange()
				.returnResult(Map.class).getResponseBody()).get("uploadCount")).longValue();
		}
		assertThat(after).isEqualTo(before + 1);
	}
}
