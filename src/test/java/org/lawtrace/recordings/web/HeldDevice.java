package org.lawtrace.recordings.web;

import java.util.UUID;

import org.lawtrace.Api;
import org.lawtrace.devices.DeviceApi;
import org.springframework.http.MediaType;

/** A body camera of its own for a test: registered, checked and issued to the holder by the custodian (ART-09). */
final class HeldDevice {

	private HeldDevice() {
	}

	/** Answers the new device's serial number. */
	static String issueNew(int port, String holder) {
		var keeper = Api.as(port, "zhao.min");
		var unit = keeper.get().uri("/api/v1/units").exchange().returnResult(DeviceApi.UNITS).getResponseBody()
			.stream().filter(u -> "DY-JCD".equals(u.code())).findFirst().orElseThrow().id();
		var serial = "IT-UP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		var id = keeper.post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(new DeviceApi.NewDevice(serial, "BODY_CAMERA", "海康威视 DSJ-T9", unit, 64_000, null))
			.exchange().expectStatus().isCreated()
			.returnResult(DeviceApi.DeviceView.class).getResponseBody().id();
		var check = keeper.post().uri("/api/v1/devices/{id}/checks", id).contentType(MediaType.APPLICATION_JSON)
			.body(new DeviceApi.NewCheck(95, null, 80, 1, true))
			.exchange().expectStatus().isCreated()
			.returnResult(DeviceApi.CheckView.class).getResponseBody().id();
		keeper.post().uri("/api/v1/devices/{id}/issue", id).contentType(MediaType.APPLICATION_JSON)
			.body(new DeviceApi.Issue(holder, check)).exchange().expectStatus().isOk();
		return serial;
	}
}
