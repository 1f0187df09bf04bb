package org.lawtrace.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.devices.DeviceApi.ChangeView;
import org.lawtrace.devices.DeviceApi.CheckView;
import org.lawtrace.devices.DeviceApi.DeviceDetail;
import org.lawtrace.devices.DeviceApi.DeviceView;
import org.lawtrace.devices.DeviceApi.FaultView;
import org.lawtrace.devices.DeviceApi.HolderView;
import org.lawtrace.devices.DeviceApi.Issue;
import org.lawtrace.devices.DeviceApi.Maintained;
import org.lawtrace.devices.DeviceApi.NewCheck;
import org.lawtrace.devices.DeviceApi.NewDevice;
import org.lawtrace.devices.DeviceApi.NewFault;
import org.lawtrace.devices.DeviceApi.NewRepair;
import org.lawtrace.devices.DeviceApi.Reason;
import org.lawtrace.devices.DeviceApi.RepairOutcome;
import org.lawtrace.devices.DeviceApi.RepairView;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@LawTraceIntegrationTest
class DeviceApiIntegrationTests {

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
			.returnResult(CheckView.class).getResponseBody();
		assertThat(check.passed()).isTrue();
		assertThat(check.checkedBy().username()).isEqualTo("zhao.min");
		var issued = issue(id, "zhang.wei", check.id()).expectStatus().isOk()
			.returnResult(DeviceView.class).getResponseBody();
		assertThat(issued.status()).isEqualTo("ISSUED");
		assertThat(issued.holder().username()).isEqualTo("zhang.wei");
		assertThat(issued.lastCheck().passed()).isTrue();

		// the holder sees the device and checks it before going out (ART-11); another officer does not see it
		assertThat(serials(Api.as(port, "zhang.wei"))).contains(serialOf(id));
		assertThat(serials(Api.as(port, "li.na"))).doesNotContain(serialOf(id));
		Api.as(port, "li.na").get().uri("/api/v1/devices/{id}", id).exchange().expectStatus().isNotFound();
		check(Api.as(port, "zhang.wei"), id, 70, 40, -2, true).expectStatus().isCreated();

		// ART-12: the holder reports a fault; the device is out of service at once and the keeper is told
		var fault = Api.as(port, "zhang.wei").post().uri("/api/v1/devices/{id}/faults", id)
			.contentType(MediaType.APPLICATION_JSON).body(new NewFault("录像时频繁死机"))
			.exchange().expectStatus().isCreated()
			.returnResult(FaultView.class).getResponseBody();
		assertThat(fault.heldBy().username()).isEqualTo("zhang.wei");
		assertThat(fault.open()).isTrue();
		var faulty = device(id);
		assertThat(faulty.status()).isEqualTo("FAULTY");
		assertThat(faulty.holder()).isNull();
		assertThat(faulty.openFaults()).isEqualTo(1);
		var serial = serialOf(id);
		assertThat(keeper().get().uri("/api/v1/devices/notifications").exchange().expectStatus().isOk()
			.returnResult(DeviceApi.NOTIFICATIONS).getResponseBody())
			.anySatisfy(n -> {
				assertThat(n.faultId()).isEqualTo(fault.id());
				assertThat(n.deviceId()).isEqualTo(id);
				assertThat(n.readAt()).isNull();
				assertThat(n.message()).contains(serial, "张伟");
			});
		var faultyCheck = check(keeper(), id, 90, 60, 0, true).expectStatus().isEqualTo(409);
		faultyCheck.expectBody().jsonPath("$.field").isEqualTo("status");
		issue(id, "li.na", check.id()).expectStatus().isEqualTo(409).expectBody().jsonPath("$.field")
			.isEqualTo("status");

		// ART-12: repairs go to a professional; only closing the repair brings the device back
		var repair = keeper().post().uri("/api/v1/devices/{id}/repairs", id).contentType(MediaType.APPLICATION_JSON)
			.body(new NewRepair("东阳市华信电子设备维修有限公司", false, null, null))
			.exchange().expectStatus().isCreated()
			.returnResult(RepairView.class).getResponseBody();
		assertThat(repair.reimbursable()).isTrue();
		assertThat(repair.open()).isTrue();
		assertThat(device(id).status()).isEqualTo("IN_REPAIR");
		var closed = keeper().post().uri("/api/v1/devices/{id}/repairs/{r}/close", id, repair.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body(new RepairOutcome(time.today().toString(), new BigDecimal("120.50"), "更换主板"))
			.exchange().expectStatus().isOk()
			.returnResult(RepairView.class).getResponseBody();
		assertThat(closed.open()).isFalse();
		assertThat(closed.cost()).isEqualByComparingTo("120.5");
		var repaired = device(id);
		assertThat(repaired.status()).isEqualTo("AVAILABLE");
		assertThat(repaired.openFaults()).isZero();
		assertThat(keeper().get().uri("/api/v1/devices/{id}/faults", id).exchange()
			.returnResult(DeviceApi.FAULTS).getResponseBody().get(0).open()).isFalse();

		var afterRepair = passedCheck(id, 100, 95, 0);
		issue(id, "li.na", afterRepair).expectStatus().isOk();
		assertThat(history(id)).extracting(ChangeView::to)
			.containsExactly("AVAILABLE", "ISSUED", "FAULTY", "IN_REPAIR", "AVAILABLE", "ISSUED");
		assertThat(history(id).get(2)).satisfies(c -> {
			assertThat(c.by().username()).isEqualTo("zhang.wei");
			assertThat(c.reason()).contains("录像时频繁死机");
		});
	}

	@Test
	@DisplayName("ART-11: a check below the thresholds blocks the issue and is kept; a deputy director's override "
			+ "with a reason lets it through")
	void failedCheckBlocksTheIssueUntilALeaderOverridesIt() {
		var id = register("BODY_CAMERA", null);
		var failed = check(keeper(), id, 30, 60, 0, true).expectStatus().isCreated()
			.returnResult(CheckView.class).getResponseBody();
		assertThat(failed.passed()).isFalse();
		assertThat(failed.failures()).isEqualTo(List.of("BATTERY"));
		issue(id, "zhang.wei", failed.id()).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.field").isEqualTo("checkId")
			.jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("ART-11", "电量不足"));
		var unissued = device(id);
		assertThat(unissued.status()).isEqualTo("AVAILABLE");
		assertThat(unissued.holder()).isNull();
		var checks = keeper().get().uri("/api/v1/devices/{id}/checks", id).exchange()
			.returnResult(DeviceApi.CHECKS).getResponseBody();
		assertThat(checks.get(0).id()).isEqualTo(failed.id());
		assertThat(checks.get(0).passed()).isFalse();

		var override = "/api/v1/devices/{id}/checks/{c}/override";
		keeper().post().uri(override, id, failed.id()).contentType(MediaType.APPLICATION_JSON)
			.body(new Reason("我自己放行")).exchange().expectStatus().isForbidden();
		Api.as(port, "liu.yang").post().uri(override, id, failed.id()).contentType(MediaType.APPLICATION_JSON)
			.body(new Reason(" ")).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("reason");
		var overridden = Api.as(port, "liu.yang").post().uri(override, id, failed.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Reason("突发案件，备用电池随行")).exchange().expectStatus().isOk()
			.returnResult(CheckView.class).getResponseBody();
		assertThat(overridden.clearsIssue()).isTrue();
		assertThat(overridden.overriddenBy().username()).isEqualTo("liu.yang");

		issue(id, "zhang.wei", failed.id()).expectStatus().isOk();
		assertThat(history(id).get(1).reason()).contains("突发案件，备用电池随行");
	}

	@Test
	@DisplayName("ART-12: a repair the user did themselves (擅自修理) is recorded as not reimbursable")
	void selfRepairIsFlaggedNotReimbursable() {
		var id = register("CAMERA", null);
		keeper().post().uri("/api/v1/devices/{id}/faults", id).contentType(MediaType.APPLICATION_JSON)
			.body(new NewFault("镜头卡口松动")).exchange().expectStatus().isCreated();
		var repair = keeper().post().uri("/api/v1/devices/{id}/repairs", id).contentType(MediaType.APPLICATION_JSON)
			.body(new NewRepair("张伟（使用人本人）", true, null, "使用人自行拆机紧固"))
			.exchange().expectStatus().isCreated()
			.returnResult(RepairView.class).getResponseBody();
		assertThat(repair.selfRepair()).isTrue();
		assertThat(repair.reimbursable()).isFalse();
		keeper().post().uri("/api/v1/devices/{id}/repairs/{r}/close", id, repair.id())
			.contentType(MediaType.APPLICATION_JSON).body(new RepairOutcome(null, new BigDecimal(35), null))
			.exchange().expectStatus().isOk();
		var repairs = Api.as(port, "zhou.tao").get().uri("/api/v1/devices/{id}/repairs", id).exchange()
			.expectStatus().isOk().returnResult(DeviceApi.REPAIRS).getResponseBody();
		assertThat(repairs.get(0).reimbursable()).isFalse();
		assertThat(repairs.get(0).cost()).isEqualByComparingTo("35");
		assertThat(history(id).get(2).reason()).contains("不予报销");
	}

	@Test
	@DisplayName("ART-10: who held a device at a moment, across issue and return boundaries, over REST and the "
			+ "module API")
	void answersWhoHeldTheDeviceAtATime() {
		var id = register("BODY_CAMERA", null);
		var serial = serialOf(id);
		try {
			clock.advance(Duration.ofMinutes(1));
			issue(id, "zhang.wei", passedCheck(id)).expectStatus().isOk();
			clock.advance(Duration.ofHours(8));
			keeper().post().uri("/api/v1/devices/{id}/return", id).exchange().expectStatus().isOk();
			clock.advance(Duration.ofHours(1));
			issue(id, "li.na", passedCheck(id)).expectStatus().isOk();
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
		issue(issued, "zhang.wei", passedCheck(issued)).expectStatus().isOk();
		var before = snapshot(issued);
		issue(issued, "li.na", UUID.randomUUID().toString()).expectStatus().isEqualTo(409)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.field").isEqualTo("status");
		assertThat(snapshot(issued)).isEqualTo(before);
		assertThat(device(issued).holder().username()).isEqualTo("zhang.wei");

		var faulty = register("BODY_CAMERA", null);
		var check = passedCheck(faulty);
		keeper().post().uri("/api/v1/devices/{id}/faults", faulty).contentType(MediaType.APPLICATION_JSON)
			.body(new NewFault("无法开机")).exchange().expectStatus().isCreated();
		before = snapshot(faulty);
		issue(faulty, "zhang.wei", check).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.field").isEqualTo("status");
		assertThat(snapshot(faulty)).isEqualTo(before);

		var retired = register("PHONE", null);
		var oldCheck = passedCheck(retired);
		keeper().post().uri("/api/v1/devices/{id}/retire", retired).contentType(MediaType.APPLICATION_JSON)
			.body(new Reason("主板老化报废")).exchange().expectStatus().isOk();
		before = snapshot(retired);
		issue(retired, "zhang.wei", oldCheck).expectStatus().isEqualTo(409)
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
			.body(new NewCheck(80, -1, null, 0, true))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("freeStorageMb");
		keeper().post().uri("/api/v1/devices/{id}/checks", id).contentType(MediaType.APPLICATION_JSON)
			.body(new NewCheck(null, null, 50, 0, true))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("batteryPercent");
		assertThat(keeper().get().uri("/api/v1/devices/{id}/checks", id).exchange()
			.returnResult(DeviceApi.CHECKS).getResponseBody()).isEmpty();
		assertThat(snapshot(id)).isEqualTo("AVAILABLE|null|1");
	}

	@Test
	@DisplayName("Issuing to unknown staff, to a non-enforcement account, or without a check is refused naming the "
			+ "field; nothing changes")
	void refusesUnknownHolderAndMissingCheck() {
		var id = register("BODY_CAMERA", null);
		var check = passedCheck(id);
		issue(id, "no.such.person", check).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("holder");
		issue(id, "zhou.tao", check).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("holder");
		keeper().post().uri("/api/v1/devices/{id}/issue", id).contentType(MediaType.APPLICATION_JSON)
			.body(new Issue("zhang.wei", null)).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("checkId");
		issue(id, "zhang.wei", UUID.randomUUID().toString()).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("checkId");
		assertThat(snapshot(id)).isEqualTo("AVAILABLE|null|1");
	}

	@Test
	@DisplayName("ART-11: a check taken before the device last changed no longer clears an issue")
	void aStaleCheckDoesNotClearAnIssue() {
		var id = register("BODY_CAMERA", null);
		var first = passedCheck(id);
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
		assertThat(keeper().get().uri("/api/v1/devices").exchange().returnResult(DeviceApi.DEVICES).getResponseBody())
			.filteredOn(d -> serial.equals(d.serialNumber())).singleElement()
			.satisfies(d -> assertThat(d.kind()).isEqualTo("BODY_CAMERA"));
	}

	@Test
	void refusesBadRegistrationNamingTheField() {
		keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(newDevice("IT-" + shortId(), "TRIPOD", null))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("kind");
		keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(newDevice("IT " + shortId(), "CAMERA", null))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("serialNumber");
		var tomorrow = newDevice("IT-" + shortId(), "CAMERA", time.today().plusDays(1));
		keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).body(tomorrow)
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("commissionedOn");
		var elsewhere = new NewDevice(tomorrow.serialNumber(), "CAMERA", tomorrow.model(), UUID.randomUUID().toString(),
				64_000, null);
		keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).body(elsewhere)
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("unitId");
	}

	@Test
	@DisplayName("ART-12: only the keeper or the holder reports a fault; officers neither register nor issue")
	void rolesDecideWhoChangesTheLedger() {
		var id = register("BODY_CAMERA", null);
		Api.as(port, "li.na").post().uri("/api/v1/devices/{id}/faults", id).contentType(MediaType.APPLICATION_JSON)
			.body(new NewFault("不是我的设备")).exchange().expectStatus().isForbidden();
		Api.as(port, "zhang.wei").post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(newDevice("IT-" + shortId(), "CAMERA", null)).exchange().expectStatus().isForbidden();
		Api.as(port, "wang.qiang").post().uri("/api/v1/devices/{id}/issue", id).contentType(MediaType.APPLICATION_JSON)
			.body(new Issue("wang.qiang", UUID.randomUUID().toString())).exchange().expectStatus().isForbidden();
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
			.body(new Maintained(null, "清洁镜头、校准时钟")).exchange().expectStatus().isCreated();
		assertThat(overdue()).doesNotContain(serialOf(id));
		var maintained = device(id);
		assertThat(maintained.lastMaintainedOn()).isEqualTo(time.today().toString());
		assertThat(maintained.maintenanceDue()).isEqualTo(time.today().plusDays(90).toString());
	}

	@Test
	@DisplayName("ART-09: the demo ledger filters by unit, status and kind")
	void filtersTheDemoLedger() {
		var wuning = unitId("DY-WN");
		var inRepair = Api.as(port, "sun.li").get()
			.uri(u -> u.path("/api/v1/devices").queryParam("unit", wuning).queryParam("status", "IN_REPAIR").build())
			.exchange().expectStatus().isOk().returnResult(DeviceApi.DEVICES).getResponseBody();
		assertThat(inRepair).extracting(DeviceView::serialNumber).containsExactly("DY-ZFJLY-0004");
		assertThat(inRepair.get(0).openFaults()).isEqualTo(1);
		var cameras = keeper().get().uri(u -> u.path("/api/v1/devices").queryParam("kind", "CAMERA").build())
			.exchange().returnResult(DeviceApi.DEVICES).getResponseBody();
		assertThat(cameras).isNotEmpty().allSatisfy(d -> assertThat(d.kind()).isEqualTo("CAMERA"));
		keeper().get().uri(u -> u.path("/api/v1/devices").queryParam("status", "BROKEN").build()).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("status");
	}

	// --- helpers

	private RestTestClient keeper() {
		return Api.as(port, "zhao.min");
	}

	private String register(String kind, @Nullable LocalDate commissionedOn) {
		return keeper().post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(newDevice("IT-" + shortId(), kind, commissionedOn))
			.exchange().expectStatus().isCreated()
			.returnResult(DeviceView.class).getResponseBody().id();
	}

	private NewDevice newDevice(String serial, String kind, @Nullable LocalDate commissionedOn) {
		return new NewDevice(serial, kind, "测试型号 T1", unitId("DY-JCD"), 64_000,
				commissionedOn == null ? null : commissionedOn.toString());
	}

	private RestTestClient.ResponseSpec check(RestTestClient as, String id, int battery, int storagePercent,
			int clockOffset, boolean lensOk) {
		return as.post().uri("/api/v1/devices/{id}/checks", id).contentType(MediaType.APPLICATION_JSON)
			.body(new NewCheck(battery, null, storagePercent, clockOffset, lensOk))
			.exchange();
	}

	/** A check that passes; answers its id. */
	private String passedCheck(String id) {
		return passedCheck(id, 95, 80, 1);
	}

	private String passedCheck(String id, int battery, int storagePercent, int clockOffset) {
		return check(keeper(), id, battery, storagePercent, clockOffset, true).expectStatus().isCreated()
			.returnResult(CheckView.class).getResponseBody().id();
	}

	private RestTestClient.ResponseSpec issue(String id, String holder, String checkId) {
		return keeper().post().uri("/api/v1/devices/{id}/issue", id).contentType(MediaType.APPLICATION_JSON)
			.body(new Issue(holder, checkId)).exchange();
	}

	private DeviceDetail detail(String id) {
		return keeper().get().uri("/api/v1/devices/{id}", id).exchange().expectStatus().isOk()
			.returnResult(DeviceDetail.class).getResponseBody();
	}

	private DeviceView device(String id) {
		return detail(id).device();
	}

	private List<ChangeView> history(String id) {
		return detail(id).history();
	}

	/** What a refused request must leave as it was: status, holder and the length of the history. */
	private String snapshot(String id) {
		var d = device(id);
		var holder = d.holder() == null ? null : d.holder().username();
		return d.status() + "|" + holder + "|" + history(id).size();
	}

	private @Nullable String holderAt(String id, Instant at) {
		var answer = keeper().get().uri(u -> u.path("/api/v1/devices/{id}/holder").queryParam("at", at.toString())
			.build(id)).exchange().expectStatus().isOk().returnResult(HolderView.class).getResponseBody();
		return answer.holder() == null ? null : answer.holder().username();
	}

	private List<String> overdue() {
		return keeper().get().uri("/api/v1/devices/maintenance-overdue").exchange().expectStatus().isOk()
			.returnResult(DeviceApi.DEVICES).getResponseBody().stream().map(DeviceView::serialNumber).toList();
	}

	private List<String> serials(RestTestClient as) {
		return as.get().uri("/api/v1/devices").exchange().expectStatus().isOk().returnResult(DeviceApi.DEVICES)
			.getResponseBody().stream().map(DeviceView::serialNumber).toList();
	}

	private String serialOf(String id) {
		return device(id).serialNumber();
	}

	private String unitId(String code) {
		return keeper().get().uri("/api/v1/units").exchange().returnResult(DeviceApi.UNITS).getResponseBody()
			.stream().filter(u -> code.equals(u.code())).findFirst().orElseThrow().id();
	}

	private static Instant at(ChangeView change) {
		return OffsetDateTime.parse(change.at()).toInstant();
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}
}
