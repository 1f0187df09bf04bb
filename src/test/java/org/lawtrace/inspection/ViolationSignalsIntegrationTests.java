package org.lawtrace.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.Page;
import org.lawtrace.Patience;
import org.lawtrace.compliance.ComplianceApi;
import org.lawtrace.devices.DeviceApi;
import org.lawtrace.inspection.ViolationApi.SignalView;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffApi;
import org.lawtrace.storage.BlobDestruction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * ART-22 (1)-(5), ART-11, ART-12: each scenario that should raise a signal raises one, once, for the person and
 * record concerned; the same day's ordinary work beside it raises none.
 */
@LawTraceIntegrationTest
class ViolationSignalsIntegrationTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	ViolationSignals violationSignals;

	@Autowired
	BlobDestruction destruction;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	private static long seed = System.nanoTime() ^ 0x516;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private List<SignalView> signals() {
		return Api.as(port, "zhou.tao").get().uri("/api/v1/inspection/signals").exchange().expectStatus().isOk()
			.returnResult(ViolationApi.SIGNALS).getResponseBody();
	}

	private List<SignalView> signalsAbout(String subjectId) {
		return signals().stream().filter(s -> subjectId.equals(s.subjectId())).toList();
	}

	private SignalView awaitSignal(String kind, String subjectId) {
		return await().atMost(Patience.of(Duration.ofSeconds(20))).pollInterval(Duration.ofMillis(200))
			.until(() -> signalsAbout(subjectId).stream().filter(s -> s.kind().equals(kind)).findFirst().orElse(null),
					s -> s != null);
	}

	private String photo(String uploader, UploadMetadata metadata, LocalDateTime taken) {
		return Uploads.upload(Api.as(port, uploader), metadata, Media.jpeg(taken, 29.29, 120.24, seed++),
				"IMG_" + seed + ".JPG")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().id();
	}

	private LocalDateTime now() {
		return LocalDateTime.now(ZONE).withNano(0);
	}

	/** The last weekday before today, at a time of day. */
	private static LocalDateTime lastWeekday(LocalTime at) {
		var day = LocalDate.now(ZONE).minusDays(1);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.minusDays(1);
		}
		return day.atTime(at);
	}

	/** Moves the platform's clock to the next Monday after next at a time of day, bureau time: a fresh day. */
	private void moveTo(LocalTime at, int extraDays) {
		var target = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1).plusDays(extraDays)
			.atTime(at).atZone(ZONE).toInstant();
		clock.reset();
		clock.advance(Duration.between(java.time.Instant.now(), target));
	}

	@Test
	@DisplayName("ART-22 (1): a stage whose required recording is missing past its deadline raises a signal naming the case; one still within its deadline does not")
	void missingRecordingPastItsDeadline() {
		var overdue = Api.openCase(port, Api.newCaseNumber());
		var fresh = Api.openCase(port, Api.newCaseNumber());
		var longAgo = clock.instant().minus(Duration.ofDays(10));
		stage(overdue, "SEIZURE", longAgo);
		stage(fresh, "SEIZURE", clock.instant().minus(Duration.ofHours(2)));
		await().atMost(Patience.of(Duration.ofSeconds(30))).pollInterval(Duration.ofMillis(300)).until(() -> {
			Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/signals/scan").exchange().expectStatus().isOk();
			return !signalsAbout(overdue).isEmpty();
		});
		var signal = signalsAbout(overdue).get(0);
		assertThat(signal.kind()).isEqualTo("MISSING_RECORDING");
		assertThat(signal.item()).isEqualTo(1);
		assertThat(signal.state()).isEqualTo("PENDING");
		assertThat(signal.facts()).contains("张伟");
		await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(() -> assertThat(
				Api.as(port, "zhang.wei").get().uri("/api/v1/cases/{id}/compliance", fresh).exchange()
					.returnResult(ComplianceApi.Checklist.class).getResponseBody().light()).isEqualTo("RED"));
		Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/signals/scan").exchange().expectStatus().isOk();
		Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/signals/scan").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.raised").isEqualTo(0);
		assertThat(signalsAbout(fresh)).as("a gap still within its deadline is no signal").isEmpty();
		assertThat(signalsAbout(overdue)).as("one signal per finding, however often the scan runs").hasSize(1);
	}

	@Test
	@DisplayName("ART-22 (2): an attempt to delete an original recording raises a signal; viewing it does not")
	void refusedDeletionOfAnOriginal() {
		var recording = photo("zhang.wei", UploadMetadata.by("zhang.wei"), lastWeekday(LocalTime.of(10, 15)));
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", recording).exchange().expectStatus().isOk();
		Api.as(port, "zhang.wei").delete().uri("/api/v1/recordings/{id}", recording).exchange()
			.expectStatus().isEqualTo(405);
		Api.as(port, "zhang.wei").delete().uri("/api/v1/recordings/{id}", recording).exchange()
			.expectStatus().isEqualTo(405);
		var signal = awaitSignal("REFUSED_ALTERATION", recording);
		assertThat(signal.item()).isEqualTo(2);
		assertThat(signal.person().name()).isEqualTo("张伟");
		assertThat(signalsAbout(recording)).as("the same attempt repeated that day is one fact").hasSize(1);
	}

	@Test
	@DisplayName("ART-22 (3): the same original downloaded repeatedly, and more downloads in a day than the setting, raise signals; one download in working hours does not")
	void unusualCopying() {
		var own = photo("zhao.min", UploadMetadata.by("li.na"), lastWeekday(LocalTime.of(10, 0)));
		var other = photo("zhao.min", UploadMetadata.by("zhang.wei"), lastWeekday(LocalTime.of(10, 30)));
		moveTo(LocalTime.of(10, 0), 0);
		Api.as(port, "li.na").get().uri("/api/v1/recordings/{id}/content", own).exchange().expectStatus().isOk();
		for (var i = 0; i < 21; i++) {
			Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", other).exchange()
				.expectStatus().isOk();
		}
		var kinds = signalsAbout(other).stream().map(SignalView::kind).toList();
		assertThat(kinds).contains("REPEATED_DOWNLOAD", "EXCESSIVE_DOWNLOADS").doesNotContain("OFF_HOURS_DOWNLOAD");
		assertThat(kinds.stream().filter("REPEATED_DOWNLOAD"::equals)).as("once per person, record and day").hasSize(1);
		assertThat(signalsAbout(own)).as("one download in working hours is ordinary work").isEmpty();
	}

	@Test
	@DisplayName("ART-22 (3): a download outside working hours raises a signal")
	void offHoursDownload() {
		var recording = photo("zhao.min", UploadMetadata.by("li.na"), lastWeekday(LocalTime.of(9, 0)));
		moveTo(LocalTime.of(23, 10), 1);
		Api.as(port, "li.na").get().uri("/api/v1/recordings/{id}/content", recording).exchange().expectStatus().isOk();
		var signal = awaitSignal("OFF_HOURS_DOWNLOAD", recording);
		assertThat(signal.person().name()).isEqualTo("李娜");
		assertThat(signal.item()).isEqualTo(3);
	}

	@Test
	@DisplayName("ART-22 (4): daily AV made outside working hours raises a signal for review; daily AV in working hours does not")
	void dailyRecordingOutsideWorkingHours() {
		var night = photo("zhao.min", UploadMetadata.by("li.na"), lastWeekday(LocalTime.of(22, 40)));
		var day = photo("zhao.min", UploadMetadata.by("li.na"), lastWeekday(LocalTime.of(14, 20)));
		var signal = awaitSignal("UNRELATED_RECORDING", night);
		assertThat(signal.item()).isEqualTo(4);
		assertThat(signal.facts()).contains("非工作时间");
		await().pollDelay(Duration.ofSeconds(2)).atMost(Patience.of(Duration.ofSeconds(10)))
			.untilAsserted(() -> assertThat(signalsAbout(day)).isEmpty());
	}

	@Test
	@DisplayName("ART-22 (4): daily AV longer than the setting raises a signal for review")
	void longDailyRecording() {
		var start = lastWeekday(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
		var video = Uploads.upload(Api.as(port, "zhao.min"), UploadMetadata.by("li.na"),
				Media.mp4(start, Duration.ofHours(3), 2048, seed++), "LONG_" + seed + ".MP4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().id();
		assertThat(awaitSignal("UNRELATED_RECORDING", video).facts()).contains("180 分钟");
	}

	@Test
	@DisplayName("ART-11: a recording on a device issued to someone else raises a signal; one on the recorder's own device does not")
	void recordingOnAnotherOfficersDevice() {
		var foreign = photo("zhao.min", UploadMetadata.by("li.na").device("DY-ZFJLY-0001"), now());
		var own = photo("zhao.min", UploadMetadata.by("zhang.wei").device("DY-ZFJLY-0001"), now());
		assertThat(awaitSignal("FOREIGN_DEVICE", foreign).person().name()).isEqualTo("李娜");
		// made now, which may be outside working hours (a daily-AV signal of its own); never a device signal
		await().pollDelay(Duration.ofSeconds(2)).atMost(Patience.of(Duration.ofSeconds(10)))
			.untilAsserted(() -> assertThat(signalsAbout(own)).extracting(SignalView::kind)
				.doesNotContain("FOREIGN_DEVICE"));
	}

	@Test
	@DisplayName("ART-22 (5), ART-12: a device reported lost and a self-repair raise signals; a fault sent to a professional repairer does not")
	void lostDeviceAndSelfRepair() {
		var keeper = Api.as(port, "zhao.min");
		var lost = newDevice();
		keeper.post().uri("/api/v1/devices/{id}/loss", lost).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("destroyed", false, "description", "外出检查途中遗失")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("RETIRED");
		assertThat(awaitSignal("DEVICE_LOST", lost).facts()).contains("遗失");

		var selfRepaired = newDevice();
		var repaired = newDevice();
		for (var device : List.of(selfRepaired, repaired)) {
			keeper.post().uri("/api/v1/devices/{id}/faults", device).contentType(MediaType.APPLICATION_JSON)
				.body(new DeviceApi.NewFault("无法开机")).exchange().expectStatus().isCreated();
		}
		keeper.post().uri("/api/v1/devices/{id}/repairs", selfRepaired).contentType(MediaType.APPLICATION_JSON)
			.body(new DeviceApi.NewRepair("执法人员本人", true, null, null)).exchange().expectStatus().isCreated();
		keeper.post().uri("/api/v1/devices/{id}/repairs", repaired).contentType(MediaType.APPLICATION_JSON)
			.body(new DeviceApi.NewRepair("东阳市华信电子设备维修有限公司", false, null, null)).exchange()
			.expectStatus().isCreated();
		assertThat(awaitSignal("SELF_REPAIR", selfRepaired).kindName()).isEqualTo("擅自修理执法记录设备");
		await().pollDelay(Duration.ofSeconds(2)).atMost(Patience.of(Duration.ofSeconds(10)))
			.untilAsserted(() -> assertThat(signalsAbout(repaired)).isEmpty());
	}

	@Test
	@DisplayName("ART-22 (5): a file the write-once store refused to destroy raises a signal")
	void fileDestructionRefusedByTheStore() {
		var custodian = Api.as(port, "admin").get().uri("/api/v1/staff/zhao.min").exchange()
			.returnResult(StaffApi.StaffView.class).getResponseBody().id();
		var sha256 = "ab".repeat(32);
		assertThatThrownBy(() -> destruction.destroy(UUID.randomUUID(), new ContentDigest(sha256, null, 10),
				new StaffId(custodian)))
			.isInstanceOf(org.lawtrace.shared.NotPermitted.class);
		var signal = awaitSignal("FILE_DESTRUCTION_REFUSED", sha256);
		assertThat(signal.item()).isEqualTo(5);
	}

	@Test
	@DisplayName("ART-22 (5): an integrity alarm that a record was altered out of sight (a row differing from the log) "
			+ "raises one signal per record; an alarm about a replica export does not")
	void integrityAlarmOfATamperedRecord() {
		var recording = UUID.randomUUID().toString();
		// what RecordsVerifier publishes when a recording's row was edited by SQL (issue 12, finding 5)
		var alarm = new org.lawtrace.shared.IntegrityAlarm("RECORD_DIFFERS_FROM_LOG", "RECORDING", recording,
				"记录与审计日志不符 (the row differs from the audit log): recordedBy");
		events.publishEvent(alarm);
		events.publishEvent(alarm);
		events.publishEvent(new org.lawtrace.shared.IntegrityAlarm("REPLICA_EXPORT_FAILED", "EXPORT", recording,
				"异地副本导出失败"));
		var signal = awaitSignal("RECORD_TAMPERED", recording);
		assertThat(signal.item()).isEqualTo(5);
		assertThat(signalsAbout(recording)).hasSize(1);
	}

	@Test
	@DisplayName("ART-22 (6), Chapter 8: the generic raise path takes a finding closed by its own recorder's correction once, and the discipline unit dismisses it with a reason")
	void genericRaiseIsIdempotentAndDismissable() {
		var finding = UUID.randomUUID().toString();
		var first = violationSignals.raise(SignalKind.CLEARED_BY_OWN_CORRECTION, "finding-cleared:" + finding, null,
				"FINDING", finding, "记录人本人更正记录时间后检查发现关闭", clock.instant());
		var again = violationSignals.raise(SignalKind.CLEARED_BY_OWN_CORRECTION, "finding-cleared:" + finding, null,
				"FINDING", finding, "记录人本人更正记录时间后检查发现关闭", clock.instant());
		assertThat(first).isPresent();
		assertThat(again).isEmpty();
		var id = first.get().id();
		Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/signals/{id}/dismissal", id)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of()).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("reason");
		Api.as(port, "sun.li").post().uri("/api/v1/inspection/signals/{id}/dismissal", id)
			.contentType(MediaType.APPLICATION_JSON).body(ViolationApi.reason("更正经批准")).exchange()
			.expectStatus().isForbidden();
		Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/signals/{id}/dismissal", id)
			.contentType(MediaType.APPLICATION_JSON).body(ViolationApi.reason("更正已经分管副局长批准")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("DISMISSED")
			.jsonPath("$.triagedBy.name").isEqualTo("周涛");
		Page.of(Api.as(port, "zhou.tao").get().uri("/inspection/signals?state=DISMISSED").exchange()
			.expectStatus().isOk().returnResult(String.class).getResponseBody()).text().contains("更正已经分管副局长批准");
		Page.of(Api.as(port, "sun.li").get().uri("/inspection/signals").exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseBody());
	}

	private void stage(String caseId, String kind, java.time.Instant start) {
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ComplianceApi.NewStage(kind, start.atZone(ZONE).toOffsetDateTime(),
					start.plus(Duration.ofMinutes(40)).atZone(ZONE).toOffsetDateTime(), List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated();
	}

	private String newDevice() {
		var unitId = Api.as(port, "admin").get().uri("/api/v1/staff/zhang.wei").exchange()
			.returnResult(StaffApi.StaffView.class).getResponseBody().unitId().toString();
		return Api.as(port, "zhao.min").post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(new DeviceApi.NewDevice("SIG-" + (seed++), "BODY_CAMERA", "测试型号 T1", unitId, null, null))
			.exchange().expectStatus().isCreated().returnResult(DeviceApi.DeviceView.class).getResponseBody().id();
	}
}
