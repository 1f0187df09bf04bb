package org.lawtrace.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.json.JsonMapper;

@LawTraceIntegrationTest
class DeviceApiIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	DeviceLedger ledger;

	@Autowired
	StaffDirectory staff;

	@Autowired
	MovableClock clock;

	@Autowired
	BureauTime time;

	@Test
	@DisplayName("ART-11, ART-12: a device is checked and issued, checked by its holder, reported faulty, repaired "
			+ "by a professional and back in service")
	void walksADeviceThroughIssueCheckFaultRepairAndBackIntoService() {
		var id = register("BODY_CAMERA", null);
		var check = check(keeper(), id, 90, 60, 3, true)
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.passed").isEqualTo(true)
			.jsonPath("$.checkedBy.username").isEqualTo("zhao.min")
			.returnResult().getResponseBody();
		issue(id, "zhang.wei", idOf(check)).expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("ISSUED")
			.jsonPath("$.holder.username").isEqualTo("zhang.wei")
			.jsonPath("$.lastCheck.passed").isEqualTo(true);

		// the holder sees the device and checks it before going out (ART-11); another officer does not see it
		assertThat(serials(Api.as(port, "zhang.wei"))).contains(serialOf(id));
		assertThat(serials(Api.as(port, "li.na"))).doesNotContain(serialOf(id));
		Api.as(port, "li.na").get().uri("/api/v1/devices/{id}", id).exchange().expectStatus().isNotFound();
		check(Api.as(port, "zhang.wei"), id, 70, 40, -2, true).expectStatus().isCreated();

		// ART-12: the holder reports a fault; the device is out of service at once and the keeper is told
		var fault = Api.as(port, "zhang.wei").post().uri("/api/v1/devices/{id}/faults", id)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("description", "录像时频繁死机"))
			.exchange().expectStatus().isCreated()
			.expectBody().jsonPath("$.heldBy.username").isEqualTo("zhang.wei")
			.jsonPath("$.open").isEqualTo(true)
			.returnResult().getResponseBody();
		assertThat(device(id)).containsEntry("status", "FAULTY").containsEntry("holder", null)
			.containsEntry("openFaults", 1);
		keeper().get().uri("/api/v1/devices/notifications").exchange().expectStatus().isOk()
			.expectBody(LIST).value(list -> assertThat(list)
				.anySatisfy(n -> assertThat(n).containsEntry("faultId", idOf(fault)).containsEntry("deviceId", id)
					.containsEntry("readAt", null)
					.hasEntrySatisfying("message", m -> assertThat(m.toString()).contains(serialOf(id), "张伟"))));
		var faultyCheck = check(keeper(), id, 90, 60, 0, true).expectStatus().isEqualTo(409);
		faultyCheck.expectBody().jsonPath("$.field").isEqualTo("status");
		issue(id, "li.na", idOf(check)).expectStatus().isEqualTo(409).expectBody().jsonPath("$.field")
			.isEqualTo("status");

		// ART-12: repairs go to a professional; only closing the repair brings the device back
		var repair = keeper().post().uri("/api/v1/devices/{id}/repairs", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("repairer", "东阳市华信电子设备维修有限公司", "selfRepair", false))
			.exchange().expectStatus().isCreated()
			.expectBody().jsonPath("$.reimbursable").isEqualTo(true).jsonPath("$.open").isEqualTo(true)
			.returnResult().getResponseBody();
		assertThat(device(id)).containsEntry("status", "IN_REPAIR");
		keeper().post().uri("/api/v1/devices/{id}/repairs/{r}/close", id, idOf(repair))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("cost", new BigDecimal("120.50"), "result", "更换主板", "completedOn", time.today().toString()))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.open").isEqualTo(false).jsonPath("$.cost").isEqualTo(120.5);
		assertThat(device(id)).containsEntry("status", "AVAILABLE").containsEntry("openFaults", 0);
		keeper().get().uri("/api/v1/devices/{id}/faults", id).exchange()
			.expectBody().jsonPath("$[0].open").isEqualTo(false);

		var afterRepair = check(keeper(), id, 100, 95, 0, true).expectStatus().isCreated().expectBody()
			.returnResult().getResponseBody();
		issue(id, "li.na", idOf(afterRepair)).expectStatus().isOk();
		assertThat(history(id)).extracting(c -> c.get("to"))
			.containsExactly("AVAILABLE", "ISSUED", "FAULTY", "IN_REPAIR", "AVAILABLE", "ISSUED");
		assertThat(history(id).get(2)).hasEntrySatisfying("by", by -> assertThat(by.toString()).contains("zhang.wei"))
			.hasEntrySatisfying("reason", r -> assertThat(r.toString()).contains("录像时频繁死机"));
	}

	@Test
	@DisplayName("ART-11: a check below the thresholds blocks the issue and is kept; a deputy director's override "
			+ "with a reason lets it through")
	void failedCheckBlocksTheIssueUntilALeaderOverridesIt() {
		var id = register("BODY_CAMERA", null);
		var failed = check(keeper(), id, 30, 60, 0, true).expectStatus().isCreated()
			.expectBody().jsonPath("$.passed").isEqualTo(false)
			.jsonPath("$.failures").isEqualTo(List.of("BATTERY"))
			.returnResult().getResponseBody();
		issue(id, "zhang.wei", idOf(failed)).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.field").isEqualTo("checkId")
			.jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("ART-11", "电量不足"));
		assertThat(device(id)).containsEntry("status", "AVAILABLE").containsEntry("holder", null);
		keeper().get().uri("/api/v1/devices/{id}/checks", id).exchange()
			.expectBody().jsonPath("$[0].id").isEqualTo(idOf(failed)).jsonPath("$[0].passed").isEqualTo(false);

		var override = "/api/v1/devices/{id}/checks/{c}/override";
		keeper().post().uri(override, id, idOf(failed)).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "我自己放行")).exchange().expectStatus().isForbidden();
		Api.as(port, "liu.yang").post().uri(override, id, idOf(failed)).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", " ")).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("reason");
		Api.as(port, "liu.yang").post().uri(override, id, idOf(failed)).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "突发案件，备用电池随行")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.clearsIssue").isEqualTo(true)
			.jsonPath("$.overriddenBy.username").isEqualTo("liu.yang");

		issue(id, "zhang.wei", idOf(failed)).expectStatus().isOk();
		assertThat(history(id).get(1)).hasEntrySatisfying("reason",
				r -> assertThat(r.toString()).contains("突发案件，备用电池随行"));
	}

	@Test
	@DisplayName("ART-12: a repair the user did themselves (擅自修理) is recorded as not reimbursable")
	void selfRepairIsFlaggedNotReimbursable() {
		var id = register("CAMERA", null);
		keeper().post().uri("/api/v1/devices/{id}/faults", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("description", "镜头卡口松动")).exchange().expectStatus().isCreated();
		var repair = keeper().post().uri("/api/v1/devices/{id}/repairs", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("repairer", "张伟（使用人本人）", "selfRepair", true, "note", "使用人自行拆机紧固"))
			.exchange().expectStatus().isCreated()
			.expectBody().jsonPath("$.selfRepair").isEqualTo(true).jsonPath("$.reimbursable").isEqualTo(false)
			.returnResult().getResponseBody();
		keeper().post().uri("/api/v1/devices/{id}/repairs/{r}/close", id, idOf(repair))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("cost", 35))
			.exchange().expectStatus().isOk();
		Api.as(port, "zhou.tao").get().uri("/api/v1/devices/{id}/repairs", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[0].reimbursable").isEqualTo(false).jsonPath("$[0].cost").isEqualTo(35);
		assertThat(history(id).get(2)).hasEntrySatisfying("reason", r -> assertThat(r.toString()).contains("不予报销"));
	}

	@Test
	@DisplayName("ART-10: who held a device at a moment, across issue and return boundaries, over REST and the "
			+ "module API")
	void answersWhoHeldTheDeviceAtATime() {
		var id = register("BODY_CAMERA", null);
		var serial = serialOf(id);
		try {
			clock.advance(Duration.ofMinutes(1));
			issue(id, "zhang.wei", idOf(passedCheck(id))).expectStatus().isOk();
			clock.advance(Duration.ofHours(8));
			keeper().post().uri("/api/v1/devices/{id}/return", id).exchange().expectStatus().isOk();
			clock.advance(Duration.ofHours(1));
			issue(id, "li.na", idOf(passedCheck(id))).expectStatus().isOk();
		}
		finally {
			clock.reset();
		}
		var changes = history(id);
		var registered = at(changes.get(0));
		var issued = at(changes.get(1));
		var returned = at(changes.get(2));
		var reissued = at(changes.get(3));

		assertThat(holderAt(id, registered)).isNull();
		assertThat(holderAt(id, issued.minusMillis(1))).isNull();
		assertThat(holderAt(id, issued)).isEqualTo("zhang.wei");
		assertThat(holderAt(id, returned.minusMillis(1))).isEqualTo("zhang.wei");
		assertThat(holderAt(id, returned)).isNull();
		assertThat(holderAt(id, reissued.plusSeconds(60))).isEqualTo("li.na");

		var zhang = staff.require("zhang.wei").id();
		assertThat(ledger.holderAt(serial, issued.plusSeconds(3600))).contains(zhang);
		assertThat(ledger.holderAt(serial, returned)).isEmpty();
		assertThat(ledger.statusAt(serial, returned)).contains(DeviceStatus.AVAILABLE);
		assertThat(ledger.statusAt(serial, issued)).contains(DeviceStatus.ISSUED);
		assertThat(ledger.statusAt(serial, registered.minusSeconds(1))).isEmpty();
		assertThat(ledger.holderAt("NO-SUCH-SERIAL", issued)).isEmpty();
	}

	@Test
	@DisplayName("Issuing a device that is already issued, faulty or retired is refused naming the status; nothing "
			+ "changes")
	void refusesToIssueADeviceThatIsNotInTheKeepersHands() {
		var issued = register("BODY_CAMERA", null);
		issue(issued, "zhang.wei", idOf(passedCheck(issued))).expectStatus().isOk();
		var before = snapshot(issued);
		issue(issued, "li.na", UUID.randomUUID().toString()).expectStatus().isEqualTo(409)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.field").isEqualTo("status");
		assertThat(snapshot(issued)).isEqualTo(before);
		assertThat(device(issued).get("holder").toString()).contains("zhang.wei");

		var faulty = register("BODY_CAMERA", null);
		var check = passedCheck(faulty);
		keeper().post().uri("/api/v1/devices/{id}/faults", faulty).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("description", "无法开机")).exchange().expectStatus().isCreated();
		before = snapshot(faulty);
		issue(faulty, "zhang.wei", idOf(check)).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.field").isEqualTo("status");
		assertThat(snapshot(faulty)).isEqualTo(before);

		var retired = register("PHONE", null);
		var oldCheck = passedCheck(retired);
		keeper().post().uri("/api/v1/devices/{id}/retire", retired).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "主板老化报废")).exchange().expectStatus().isOk();
		before = snapshot(retired);
		issue(retired, "zhang.wei", idOf(oldCheck)).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.field").isEqualTo("status");
		assertThat(snapshot(retired)).isEqualTo(before).startsWith("RETIRED");
	}

	@Test
	@DisplayName("Returning a device that is not issued is refused naming the status; nothing changes")
	void refusesToReturnADeviceThatIsNotIssued() {
		var id = register("AUDIO_RECORDER", null);
		var before = snapshot(id);
		keeper().post().uri("/api/v1/devices/{id}/return", id).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.field").isEqualTo("status");
		assertThat(snapshot(id)).isEqualTo(before).isEqualTo("AVAILABLE|null|1");
	}

	@Test
	@DisplayName("ART-11: a check with impossible readings (battery 140 %, negative storage) is refused naming the "
			+ "field, and no check is recorded")
	void refusesImpossibleCheckReadings() {
		var id = register("BODY_CAMERA", null);
		check(keeper(), id, 140, 60, 0, true).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("batteryPercent");
		keeper().post().uri("/api/v1/devices/{id}/checks", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("batteryPercent", 80, "freeStorageMb", -1, "clockOffsetSeconds", 0, "lensOk", true))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("freeStorageMb");
		keeper().post().uri("/api/v1/devices/{id}/checks", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("freeStoragePercent", 50, "clockOffsetSeconds", 0, "lensOk", true))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("batteryPercent");
		keeper().get().uri("/api/v1/devices/{id}/checks", id).exchange().expectBody(LIST)
			.value(list -> assertThat(list).isEmpty());
		assertThat(snapshot(id)).isEqualTo("AVAILABLE|null|1");
	}

	@Test
	@DisplayName("Issuing to unknown staff, to a non-enforcement account, or without a check is refused naming the "
			+ "field; nothing changes")
	void refusesUnknownHolderAndMissingCheck() {
		var id = register("BODY_CAMERA", null);
		var check = idOf(passedCheck(id));
		issue(id, "no.such.person", check).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("holder");
		issue(id, "zhou.tao", check).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("holder");
		keeper().post().uri("/api/v1/devices/{id}/issue", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("holder", "zhang.wei")).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("checkId");
		issue(id, "zhang.wei", UUID.randomUUID().toString()).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("checkId");
		assertThat(snapshot(id)).isEqualTo("AVAILABLE|null|1");
	}

	@Test
	@DisplayName("ART-11: a check taken before the device last changed no longer clears an issue")
	void aStaleCheckDoesNotClearAnIssue() {
		var id = register("BODY_CAMERA", null);
		var first = idOf(passedCheck(id));
		issue(id, "zhang.wei", first).expectStatus().isOk();
		keeper().post().uri("/api/v1/devices/{id}/return", id).exchange().expectStatus().isOk();
		issue(id, "li.na", first).expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("checkId");
		assertThat(snapshot(id)).isEqualTo("AVAILABLE|null|3");
	}

	@Test
	@DisplayName("ART-09: a duplicate serial number is refused with 409 naming the field; the ledger keeps one")
	void refusesDuplicateSerial() {
		var id = register("BODY_CAMERA", null);
		var serial = serialOf(id);
		keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(newDevice(serial.toLowerCase(Locale.ROOT), "CAMERA", null))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.field").isEqualTo("serialNumber");
		assertThat(keeper().get().uri("/api/v1/devices").exchange().expectBody(LIST).returnResult().getResponseBody())
			.filteredOn(d -> serial.equals(d.get("serialNumber"))).singleElement()
			.satisfies(d -> assertThat(d).containsEntry("kind", "BODY_CAMERA"));
	}

	@Test
	void refusesBadRegistrationNamingTheField() {
		var body = new HashMap<>(newDevice("IT-" + shortId(), "TRIPOD", null));
		keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("kind");
		body = new HashMap<>(newDevice("IT " + shortId(), "CAMERA", null));
		keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("serialNumber");
		body = new HashMap<>(newDevice("IT-" + shortId(), "CAMERA", time.today().plusDays(1)));
		keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("commissionedOn");
		body.put("commissionedOn", null);
		body.put("unitId", UUID.randomUUID());
		keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("unitId");
	}

	@Test
	@DisplayName("ART-12: only the keeper or the holder reports a fault; officers neither register nor issue")
	void rolesDecideWhoChangesTheLedger() {
		var id = register("BODY_CAMERA", null);
		Api.as(port, "li.na").post().uri("/api/v1/devices/{id}/faults", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("description", "不是我的设备")).exchange().expectStatus().isForbidden();
		Api.as(port, "zhang.wei").post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(newDevice("IT-" + shortId(), "CAMERA", null)).exchange().expectStatus().isForbidden();
		Api.as(port, "wang.qiang").post().uri("/api/v1/devices/{id}/issue", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("holder", "wang.qiang", "checkId", UUID.randomUUID())).exchange().expectStatus().isForbidden();
		Api.as(port, "admin").post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(newDevice("IT-" + shortId(), "CAMCORDER", null)).exchange().expectStatus().isCreated();
		Api.as(port, "zhang.wei").get().uri("/api/v1/devices/notifications").exchange().expectStatus().isForbidden();
		assertThat(snapshot(id)).isEqualTo("AVAILABLE|null|1");
	}

	@Test
	@DisplayName("ART-11: devices past their maintenance interval are listed until maintenance is recorded")
	void listsDevicesOverdueForMaintenance() {
		var id = register("BODY_CAMERA", time.today().minusDays(100));
		assertThat(overdue()).contains(serialOf(id), "DY-XJ-0001").doesNotContain("DY-ZFJLY-0001");
		keeper().post().uri("/api/v1/devices/{id}/maintenance", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("note", "清洁镜头、校准时钟")).exchange().expectStatus().isCreated();
		assertThat(overdue()).doesNotContain(serialOf(id));
		assertThat(device(id)).containsEntry("lastMaintainedOn", time.today().toString())
			.containsEntry("maintenanceDue", time.today().plusDays(90).toString());
	}

	@Test
	@DisplayName("ART-09: the demo ledger filters by unit, status and kind")
	void filtersTheDemoLedger() {
		var wuning = unitId("DY-WN");
		var inRepair = Api.as(port, "sun.li").get()
			.uri(u -> u.path("/api/v1/devices").queryParam("unit", wuning).queryParam("status", "IN_REPAIR").build())
			.exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
		assertThat(inRepair).extracting(d -> d.get("serialNumber")).containsExactly("DY-ZFJLY-0004");
		assertThat(inRepair.get(0)).containsEntry("openFaults", 1);
		var cameras = keeper().get().uri(u -> u.path("/api/v1/devices").queryParam("kind", "CAMERA").build())
			.exchange().expectBody(LIST).returnResult().getResponseBody();
		assertThat(cameras).isNotEmpty().allSatisfy(d -> assertThat(d).containsEntry("kind", "CAMERA"));
		keeper().get().uri(u -> u.path("/api/v1/devices").queryParam("status", "BROKEN").build()).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("status");
	}

	// --- helpers

	private RestTestClient keeper() {
		return Api.as(port, "zhao.min");
	}

	private String register(String kind, @Nullable LocalDate commissionedOn) {
		var created = keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(newDevice("IT-" + shortId(), kind, commissionedOn))
			.exchange().expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody();
		return created.get("id").toString();
	}

	private Map<String, Object> newDevice(String serial, String kind, @Nullable LocalDate commissionedOn) {
		var body = new HashMap<String, Object>(Map.of("serialNumber", serial, "kind", kind, "model", "测试型号 T1",
				"unitId", unitId("DY-JCD"), "storageCapacityMb", 64_000));
		if (commissionedOn != null) {
			body.put("commissionedOn", commissionedOn.toString());
		}
		return body;
	}

	private RestTestClient.ResponseSpec check(RestTestClient as, String id, int battery, int storagePercent,
			int clockOffset, boolean lensOk) {
		return as.post().uri("/api/v1/devices/{id}/checks", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("batteryPercent", battery, "freeStoragePercent", storagePercent,
					"clockOffsetSeconds", clockOffset, "lensOk", lensOk))
			.exchange();
	}

	private byte[] passedCheck(String id) {
		return check(keeper(), id, 95, 80, 1, true).expectStatus().isCreated().expectBody().returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec issue(String id, String holder, String checkId) {
		return keeper().post().uri("/api/v1/devices/{id}/issue", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("holder", holder, "checkId", checkId)).exchange();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> device(String id) {
		return (Map<String, Object>) keeper().get().uri("/api/v1/devices/{id}", id).exchange().expectStatus().isOk()
			.returnResult(Map.class).getResponseBody().get("device");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> history(String id) {
		return (List<Map<String, Object>>) keeper().get().uri("/api/v1/devices/{id}", id).exchange()
			.returnResult(Map.class).getResponseBody().get("history");
	}

	/** What a refused request must leave as it was: status, holder and the length of the history. */
	private String snapshot(String id) {
		var d = device(id);
		var holder = d.get("holder") == null ? null : ((Map<?, ?>) d.get("holder")).get("username");
		return d.get("status") + "|" + holder + "|" + history(id).size();
	}

	private @Nullable String holderAt(String id, Instant at) {
		var answer = keeper().get().uri(u -> u.path("/api/v1/devices/{id}/holder").queryParam("at", at.toString())
			.build(id)).exchange().expectStatus().isOk().returnResult(Map.class).getResponseBody();
		return answer.get("holder") == null ? null : ((Map<?, ?>) answer.get("holder")).get("username").toString();
	}

	private List<Object> overdue() {
		return keeper().get().uri("/api/v1/devices/maintenance-overdue").exchange().expectStatus().isOk()
			.expectBody(LIST).returnResult().getResponseBody().stream().map(d -> d.get("serialNumber")).toList();
	}

	private List<Object> serials(RestTestClient as) {
		return as.get().uri("/api/v1/devices").exchange().expectStatus().isOk().expectBody(LIST).returnResult()
			.getResponseBody().stream().map(d -> d.get("serialNumber")).toList();
	}

	private String serialOf(String id) {
		return device(id).get("serialNumber").toString();
	}

	private String unitId(String code) {
		var unit = keeper().get().uri("/api/v1/units").exchange().expectBody(LIST).returnResult().getResponseBody()
			.stream().filter(u -> code.equals(u.get("code"))).findFirst().orElseThrow();
		return unit.get("id").toString();
	}

	private static Instant at(Map<String, Object> change) {
		return OffsetDateTime.parse(change.get("at").toString()).toInstant();
	}

	private static String idOf(byte[] json) {
		return JSON.readTree(json).get("id").asString();
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}
}
