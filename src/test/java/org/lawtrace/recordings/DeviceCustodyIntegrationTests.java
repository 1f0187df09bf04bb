package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.devices.DeviceApi;
import org.lawtrace.devices.DeviceApi.IssuedToken;
import org.lawtrace.devices.DeviceApi.NewStation;
import org.lawtrace.devices.DeviceApi.NewToken;
import org.lawtrace.devices.DeviceApi.StationView;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
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

	private String upload(String recordedBy, String deviceSerial) {
		var photo = Media.jpeg(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0), 29.29, 120.24, seed++);
		return Uploads.upload(Api.as(port, "zhao.min"), UploadMetadata.by(recordedBy).device(deviceSerial), photo,
				"IMG_" + seed + ".JPG")
			.expectStatus().isCreated()
			.returnResult(RecordingView.class).getResponseBody().deviceFinding() + "";
	}

	@Test
	@DisplayName("ART-10, ART-11: a recording made on a device issued to its recorder is in order")
	void aRecordingOnTheRecordersOwnDeviceIsInOrder() {
		assertThat(upload("zhang.wei", "DY-ZFJLY-0001")).isEqualTo("HELD_BY_RECORDER");
	}

	@Test
	@DisplayName("ART-10, ART-11: a recording made on a device held by someone else is flagged, on its page too")
	void aRecordingOnSomeoneElsesDeviceIsFlagged() {
		var photo = Media.jpeg(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0), 29.29, 120.24, seed++);
		var recording = Uploads.upload(Api.as(port, "zhao.min"), UploadMetadata.by("li.na").device("DY-ZFJLY-0001"),
				photo, "IMG_" + seed + ".JPG")
			.expectStatus().isCreated()
			.returnResult(RecordingView.class).getResponseBody();
		assertThat(recording.deviceFinding()).isEqualTo("HELD_BY_ANOTHER");
		var recordingId = recording.id();
		Api.as(port, "li.na").get().uri("/recordings/{id}", recordingId).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(page -> assertThat(page).contains("设备当时由他人领用"));
	}

	@Test
	@DisplayName("ART-11, ART-12: recordings on an unissued, a faulty or an unknown device are flagged")
	void recordingsOnUnissuedFaultyOrUnknownDevicesAreFlagged() {
		assertThat(upload("zhang.wei", "DY-ZFJLY-0003")).isEqualTo("NOT_ISSUED");
		assertThat(upload("chen.hao", "DY-ZFJLY-0004")).isEqualTo("OUT_OF_SERVICE");
		assertThat(upload("zhang.wei", "NOPE-99999")).isEqualTo("UNKNOWN_DEVICE");
	}

	@Test
	@DisplayName("A station's upload that names no recorder is credited to whoever held the device, and counted")
	void aStationUploadIsCreditedToTheDevicesHolder() {
		String wuning = null;
		for (var unit : Api.as(port, "admin").get().uri("/api/v1/units").exchange().returnResult(DeviceApi.UNITS)
			.getResponseBody()) {
			if ("DY-WN".equals(unit.code())) {
				wuning = unit.id();
			}
		}
		var name = "custody" + seed++;
		var id = Api.as(port, "admin").post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(new NewStation("测试采集站" + name, "station." + name, wuning, "测试"))
			.exchange().expectStatus().isCreated().returnResult(StationView.class).getResponseBody().id();
		var token = Api.as(port, "admin").post().uri("/api/v1/stations/{id}/tokens", id)
			.contentType(MediaType.APPLICATION_JSON).body(new NewToken("custody test", null)).exchange()
			.returnResult(IssuedToken.class).getResponseBody().token();
		var before = uploadCount(id);

		var photo = Media.jpeg(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0), 29.29, 120.24, seed++);
		var uploaded = Uploads.upload(Api.bearer(port, token), UploadMetadata.unnamed().device("DY-ZFJLY-0002"), photo,
				"IMG_S.JPG")
			.expectStatus().isCreated()
			.returnResult(RecordingView.class).getResponseBody();
		assertThat(uploaded.recordedBy().username()).isEqualTo("li.na");
		assertThat(uploaded.deviceFinding()).isEqualTo("HELD_BY_RECORDER");
		var deadline = System.nanoTime() + 10_000_000_000L;
		long after = before;
		while (after == before && System.nanoTime() < deadline) {
			after = uploadCount(id);
		}
		assertThat(after).isEqualTo(before + 1);
	}

	private long uploadCount(String stationId) {
		return Api.as(port, "admin").get().uri("/api/v1/stations/{id}", stationId).exchange()
			.returnResult(StationView.class).getResponseBody().uploadCount();
	}
}
