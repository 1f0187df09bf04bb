package org.lawtrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.StageKind;
import org.lawtrace.compliance.CaseFacts.DocumentFacts;
import org.lawtrace.compliance.CaseFacts.RecordingFacts;
import org.lawtrace.compliance.CaseFacts.ServiceFacts;
import org.lawtrace.compliance.CaseFacts.StageFacts;
import org.lawtrace.documents.ConfirmationRule;
import org.lawtrace.documents.Direction;
import org.lawtrace.documents.ServiceMethod;
import org.lawtrace.recordings.DeviceFinding;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.core.io.ClassPathResource;

/** The shipped rule pack applied to plain facts, no Spring and no database. */
class EvaluatorUnitTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final StaffId ZHANG = new StaffId(UUID.randomUUID());
	static final StaffId LI = new StaffId(UUID.randomUUID());
	static final StaffId HUANG = new StaffId(UUID.randomUUID());
	static final StaffId WANG = new StaffId(UUID.randomUUID());
	static final LocalDate DAY = LocalDate.of(2026, 11, 20);
	static final Instant NINE_THIRTY = DAY.atTime(9, 30).atZone(ZONE).toInstant();

	final Roster roster = new Roster(Map.of(
			ZHANG, new Roster.Person("张伟", true, false, List.of(new Roster.Period(DAY.minusYears(1), DAY.plusYears(2)))),
			LI, new Roster.Person("李娜", true, false, List.of(new Roster.Period(DAY.minusYears(1), DAY.plusYears(2)))),
			// certificate expired the day before the recording
			HUANG, new Roster.Person("黄磊", true, false, List.of(new Roster.Period(DAY.minusYears(3), DAY.minusDays(1)))),
			WANG, new Roster.Person("王强", false, true, List.of())));

	final List<StageFacts> stages = new ArrayList<>();
	final List<RecordingFacts> recordings = new ArrayList<>();
	final Map<UUID, Set<BookmarkKind>> bookmarks = new java.util.HashMap<>();
	final Map<StageId, String> exemptions = new java.util.HashMap<>();
	final List<DocumentFacts> documents = new ArrayList<>();
	DeviceChecks checks = new DeviceChecks(Map.of());

	static RulePack shipped() throws Exception {
		try (var in = new InputStreamReader(new ClassPathResource("compliance/rules.yaml").getInputStream(),
				StandardCharsets.UTF_8)) {
			return RulePackParser.parse(in, "shipped");
		}
	}

	StageFacts stage(StageKind kind, Instant start, @Nullable Duration length) {
		var stage = new StageFacts(new StageId(UUID.randomUUID()), kind, start,
				length == null ? null : start.plus(length), List.of(ZHANG, LI));
		stages.add(stage);
		return stage;
	}

	RecordingFacts video(StageFacts stage, Instant start, Duration length, StaffId by, Instant uploaded) {
		var r = new RecordingFacts(UUID.randomUUID(), RecordingKind.VIDEO, by, null, start, start.plus(length),
				uploaded, null, List.of(stage.id()));
		recordings.add(r);
		bookmarks.put(r.id(), Set.of(BookmarkKind.OPENING, BookmarkKind.CLOSING));
		return r;
	}

	/** The shipped pack without its ART-05.2 text-record rules, so each AV test sees only what it is about. */
	List<Judgement> judge() throws Exception {
		var pack = shipped();
		return judge(new RulePack(pack.version(), pack.rules().stream()
			.filter(r -> r.check() != Check.STAGE_DOCUMENTS).toList(), pack.source()));
	}

	List<Judgement> judge(RulePack pack) {
		var facts = new CaseFacts(new CaseId(UUID.randomUUID()), CaseKind.ADMINISTRATIVE_COERCION,
				new UnitId(UUID.randomUUID()), List.of(ZHANG, LI), true, NINE_THIRTY.minus(Duration.ofDays(1)), stages,
				recordings, exemptions, bookmarks, documents);
		return new Evaluator(pack, roster, checks, ZONE).evaluate(facts).judgements();
	}

	List<Judgement> judge(org.lawtrace.recordings.UploadDeadline counting) throws Exception {
		var facts = new CaseFacts(new CaseId(UUID.randomUUID()), CaseKind.ADMINISTRATIVE_COERCION,
				new UnitId(UUID.randomUUID()), List.of(ZHANG, LI), true, NINE_THIRTY.minus(Duration.ofDays(1)), stages,
				recordings, exemptions, bookmarks, documents);
		return new Evaluator(shipped(), roster, checks, ZONE,
				(day, within) -> counting.deadlineFor(day, (int) within)).evaluate(facts).judgements();
	}

	@Test
	@DisplayName("ART-15.1: the late-upload check counts days as the recordings' late badge does, by one setting: a "
			+ "recording ended on a Friday and stored on the Tuesday is late in calendar days, on time in working days")
	void uploadDeadlineCountsByTheOneSetting() throws Exception {
		var friday = NINE_THIRTY;
		assertThat(LocalDate.ofInstant(friday, ZONE).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
		var tuesday = friday.plus(Duration.ofDays(4));
		var r = new RecordingFacts(UUID.randomUUID(), RecordingKind.VIDEO, ZHANG, null, friday,
				friday.plus(Duration.ofMinutes(10)), tuesday, null, List.of());
		recordings.add(r);
		var calendar = org.lawtrace.recordings.UploadDeadline.of(2,
				org.lawtrace.recordings.UploadDeadline.Counting.CALENDAR, Set.of(), Set.of(), ZONE);
		var working = org.lawtrace.recordings.UploadDeadline.of(2,
				org.lawtrace.recordings.UploadDeadline.Counting.WORKING, Set.of(), Set.of(), ZONE);

		assertThat(calendar.judge(r.end(), r.uploadedAt()).onTime()).isFalse();
		assertThat(judge(calendar)).anySatisfy(j -> assertThat(j.rule().article()).isEqualTo("ART-15.1"));
		assertThat(working.judge(r.end(), r.uploadedAt()).onTime()).isTrue();
		assertThat(judge(working)).noneSatisfy(j -> assertThat(j.rule().article()).isEqualTo("ART-15.1"));
	}

	DocumentFacts document(String kind, StageFacts stage) {
		var d = new DocumentFacts(UUID.randomUUID(), kind, Direction.RECORD, stage.id(), ZHANG, NINE_THIRTY, 1, true,
				Set.of(), List.of());
		documents.add(d);
		return d;
	}

	@Test
	@DisplayName("ART-05.2: under the shipped pack a questioning without its 询问笔录 is a finding naming the record; "
			+ "with it, none")
	void questioningNeedsItsRecord() throws Exception {
		var questioning = stage(StageKind.QUESTIONING, NINE_THIRTY, Duration.ofMinutes(40));
		assertThat(judge(shipped())).singleElement().satisfies(j -> {
			assertThat(j.rule().article()).isEqualTo("ART-05.2");
			assertThat(j.stage()).isEqualTo(questioning.id());
			assertThat(j.detail()).contains("询问笔录");
		});
		document("QUESTIONING_RECORD", questioning);
		assertThat(judge(shipped())).isEmpty();
	}

	@Test
	@DisplayName("ART-05.2: a seizure needs its decision, its list of property and its on-site record, each linked to "
			+ "the stage; a record of another stage does not count")
	void seizureNeedsDecisionListAndRecord() throws Exception {
		var seizure = stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(45));
		var other = stage(StageKind.ON_SITE_INSPECTION, NINE_THIRTY.minus(Duration.ofHours(2)), Duration.ofMinutes(30));
		document("COERCIVE_MEASURE_DECISION", seizure);
		document("PROPERTY_INVENTORY", other);
		document("ON_SITE_RECORD", other);
		assertThat(judge(shipped())).filteredOn(j -> j.rule().check() == Check.STAGE_DOCUMENTS)
			.extracting(Judgement::key)
			.containsExactlyInAnyOrder("TEXT-05.2-SEALING-SEIZURE:" + seizure.id() + ":PROPERTY_INVENTORY",
					"TEXT-05.2-SEALING-SEIZURE:" + seizure.id() + ":ON_SITE_RECORD");
	}

	@Test
	@DisplayName("ART-05.2: a requirement A|B is met by either kind (confiscation: 涉案物品处理记录 or 现场笔录)")
	void eitherKindMeetsAnAlternative() throws Exception {
		var confiscation = stage(StageKind.CONFISCATION, NINE_THIRTY, Duration.ofMinutes(20));
		document("ON_SITE_RECORD", confiscation);
		assertThat(judge(shipped())).filteredOn(j -> j.rule().check() == Check.STAGE_DOCUMENTS).isEmpty();
	}

	static Light light(List<Judgement> judgements) {
		return Light.of(judgements.stream().map(Judgement::severity).toList());
	}

	@Test
	@DisplayName("ART-06.3: a seizure without video is red and cites ART-06.3")
	void seizureWithoutVideoIsRed() throws Exception {
		stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(45));
		var found = judge();
		assertThat(light(found)).isEqualTo(Light.RED);
		assertThat(found).singleElement().satisfies(j -> {
			assertThat(j.rule().article()).isEqualTo("ART-06.3");
			assertThat(j.severity()).isEqualTo(Severity.MAJOR);
			assertThat(j.deadline()).isEqualTo(DAY.plusDays(2));
		});
	}

	@Test
	@DisplayName("ART-06.3: a video that covers the seizure from start to end turns it green")
	void coveringVideoIsGreen() throws Exception {
		var seizure = stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(45));
		video(seizure, NINE_THIRTY.minusSeconds(20), Duration.ofMinutes(46), ZHANG, NINE_THIRTY.plus(Duration.ofHours(2)));
		assertThat(judge()).isEmpty();
	}

	@Test
	@DisplayName("ART-06.3: two segments with a 2-minute gap are amber, naming the gap; 95% coverage itself is enough")
	void gapBetweenSegmentsIsAmber() throws Exception {
		var seizure = stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(40));
		var upload = NINE_THIRTY.plus(Duration.ofHours(2));
		video(seizure, NINE_THIRTY, Duration.ofMinutes(10), ZHANG, upload);
		video(seizure, NINE_THIRTY.plus(Duration.ofMinutes(12)), Duration.ofMinutes(28), ZHANG, upload);
		var found = judge();
		assertThat(light(found)).isEqualTo(Light.AMBER);
		assertThat(found).extracting(Judgement::key).anyMatch(k -> k.endsWith(":gap@600"));
		assertThat(found).extracting(Judgement::key).noneMatch(k -> k.endsWith(":coverage"));
		stages.clear();
		recordings.clear();
		var short_ = stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(40));
		video(short_, NINE_THIRTY, Duration.ofMinutes(30), ZHANG, upload);
		assertThat(judge()).extracting(Judgement::detail).anyMatch(d -> d.contains("75%"));
	}

	@Test
	@DisplayName("ART-06.5: an order to correct with only the \"before\" video is amber")
	void orderToCorrectWithOnlyBeforeIsAmber() throws Exception {
		var order = stage(StageKind.ORDER_TO_CORRECT, NINE_THIRTY, Duration.ofDays(3));
		video(order, NINE_THIRTY, Duration.ofMinutes(10), ZHANG, NINE_THIRTY.plus(Duration.ofHours(1)));
		var found = judge();
		assertThat(light(found)).isEqualTo(Light.AMBER);
		assertThat(found).singleElement().satisfies(j -> {
			assertThat(j.rule().article()).isEqualTo("ART-06.5");
			assertThat(j.key()).endsWith(":after");
		});
	}

	@Test
	@DisplayName("ART-15.1: an upload three days after the recording ended is late")
	void uploadThreeDaysLaterIsLate() throws Exception {
		var seizure = stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(45));
		video(seizure, NINE_THIRTY, Duration.ofMinutes(45), ZHANG, NINE_THIRTY.plus(Duration.ofDays(3)));
		assertThat(judge()).singleElement().satisfies(j -> {
			assertThat(j.rule().article()).isEqualTo("ART-15.1");
			assertThat(j.detail()).contains("迟 1 日");
			assertThat(j.deadline()).isEqualTo(DAY.plusDays(2));
			speaksAsStaffDo(j.detail());
		});
	}

	@Test
	@DisplayName("ART-15.1: stored by the end of the second day after is on time")
	void uploadOnTheSecondDayIsOnTime() throws Exception {
		var seizure = stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(45));
		video(seizure, NINE_THIRTY, Duration.ofMinutes(45), ZHANG, DAY.plusDays(2).atTime(23, 59).atZone(ZONE).toInstant());
		assertThat(judge()).isEmpty();
	}

	@Test
	@DisplayName("ART-08: a recording by an officer whose certificate expired the day before is reported; an assistant's is not")
	void recorderWithExpiredCertificate() throws Exception {
		var seizure = stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(45));
		video(seizure, NINE_THIRTY, Duration.ofMinutes(45), HUANG, NINE_THIRTY.plus(Duration.ofHours(1)));
		video(seizure, NINE_THIRTY, Duration.ofMinutes(45), WANG, NINE_THIRTY.plus(Duration.ofHours(1)));
		assertThat(judge()).singleElement().satisfies(j -> {
			assertThat(j.rule().article()).isEqualTo("ART-08");
			assertThat(j.severity()).isEqualTo(Severity.MAJOR);
			assertThat(j.detail()).contains("黄磊").contains(DAY.minusDays(1).toString());
		});
	}

	@Test
	@DisplayName("ART-08: a coercive stage with one qualified officer and an assistant present is red")
	void twoOfficersNeeded() throws Exception {
		var seizure = new StageFacts(new StageId(UUID.randomUUID()), StageKind.SEIZURE, NINE_THIRTY,
				NINE_THIRTY.plus(Duration.ofMinutes(45)), List.of(ZHANG, WANG));
		stages.add(seizure);
		video(seizure, NINE_THIRTY, Duration.ofMinutes(45), ZHANG, NINE_THIRTY.plus(Duration.ofHours(1)));
		assertThat(judge()).singleElement().satisfies(j -> {
			assertThat(j.rule().id()).isEqualTo("ART-08-TWO-OFFICERS");
			assertThat(j.detail()).contains("王强");
			speaksAsStaffDo(j.detail());
		});
	}

	@Test
	@DisplayName("ART-06.0: a video without opening and closing bookmarks is amber, one finding each")
	void openingAndClosingMustBeMarked() throws Exception {
		var seizure = stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(45));
		var r = video(seizure, NINE_THIRTY, Duration.ofMinutes(45), ZHANG, NINE_THIRTY.plus(Duration.ofHours(1)));
		bookmarks.put(r.id(), Set.of(BookmarkKind.OPENING));
		assertThat(judge()).singleElement().satisfies(j -> {
			assertThat(j.rule().article()).isEqualTo("ART-06.0");
			assertThat(j.key()).endsWith(":CLOSING");
			assertThat(j.severity()).isEqualTo(Severity.MINOR);
		});
	}

	@Test
	@DisplayName("ART-06.1: an approved exemption replaces the coverage finding with a notice, and the stage stays green")
	void exemptionIsReported() throws Exception {
		var inspection = stage(StageKind.ON_SITE_INSPECTION, NINE_THIRTY, Duration.ofMinutes(30));
		exemptions.put(inspection.id(), "涉及国家秘密");
		var found = judge();
		assertThat(found).singleElement().satisfies(j -> {
			assertThat(j.severity()).isEqualTo(Severity.NOTICE);
			assertThat(j.detail()).contains("涉及国家秘密");
		});
		assertThat(light(found)).isEqualTo(Light.GREEN);
	}

	@Test
	@DisplayName("ART-11: a device another person held, or not checked before use, is reported")
	void deviceCustodyAndCheck() throws Exception {
		var seizure = stage(StageKind.SEIZURE, NINE_THIRTY, Duration.ofMinutes(45));
		var held = new RecordingFacts(UUID.randomUUID(), RecordingKind.VIDEO, ZHANG, "DSJ-1", NINE_THIRTY,
				NINE_THIRTY.plus(Duration.ofMinutes(45)), NINE_THIRTY.plus(Duration.ofHours(1)),
				DeviceFinding.HELD_BY_ANOTHER, List.of(seizure.id()));
		recordings.add(held);
		bookmarks.put(held.id(), Set.of(BookmarkKind.OPENING, BookmarkKind.CLOSING));
		assertThat(judge()).extracting(Judgement::key).containsExactlyInAnyOrder(
				"ART-11-DEVICE:" + held.id() + ":custody", "ART-11-DEVICE:" + held.id() + ":check");
		judge().forEach(j -> speaksAsStaffDo(j.detail()));
		checks = new DeviceChecks(Map.of("DSJ-1", List.of(new DeviceChecks.CheckFact(NINE_THIRTY.minus(Duration.ofHours(1)), true))));
		assertThat(judge()).extracting(Judgement::key).containsExactly("ART-11-DEVICE:" + held.id() + ":custody");
	}

	/**
	 * A finding's text is shown on pages through {@code PageText}: its Chinese part must carry no enum constant and no
	 * English left in brackets (the page-language rules of issue 15), and its English part must be all of the rest.
	 */
	private static void speaksAsStaffDo(String detail) {
		var chinese = org.lawtrace.shared.web.PageText.inLanguageOf(detail, java.util.Locale.CHINA);
		assertThat(org.lawtrace.PageLanguage.findingsIn(chinese)).as(chinese).isEmpty();
		assertThat(org.lawtrace.shared.web.PageText.inLanguageOf(detail, java.util.Locale.ENGLISH))
			.as("the English part of %s", detail).doesNotContainPattern("\\p{IsHan}").isNotBlank();
	}

	DocumentFacts document(StaffId madeBy, int version, Set<ConfirmationRule> missing, List<ServiceFacts> services) {
		var d = new DocumentFacts(UUID.randomUUID(), "XZCF-JDS", Direction.EXTERNAL, null, madeBy, NINE_THIRTY, version,
				missing.isEmpty(), missing, services);
		documents.add(d);
		return d;
	}

	@Test
	@DisplayName("ART-05.3, ART-05.4: a decision without the bureau's seal, and a changed record not signed again, are red")
	void documentsNeedTheirConfirmations() throws Exception {
		document(ZHANG, 1, Set.of(), List.of());
		var unsealed = document(ZHANG, 1, Set.of(ConfirmationRule.SEAL), List.of());
		var changed = document(ZHANG, 2, Set.of(ConfirmationRule.PARTY), List.of());
		var found = judge();
		assertThat(light(found)).isEqualTo(Light.RED);
		assertThat(found).extracting(j -> j.rule().article() + " " + (j.record() == null ? null : j.record().id())).containsExactlyInAnyOrder(
				"ART-05.3 " + unsealed.id(), "ART-05.4 " + changed.id());
		assertThat(found).extracting(Judgement::detail).anyMatch(d -> d.contains("本局印章"));
	}

	@Test
	@DisplayName("ART-08: a text record made by someone whose certificate had expired, or by an assistant, is reported")
	void textRecordsAreMadeByOfficers() throws Exception {
		document(ZHANG, 1, Set.of(), List.of());
		var expired = document(HUANG, 1, Set.of(), List.of());
		var assistant = document(WANG, 1, Set.of(), List.of());
		assertThat(judge()).extracting(j -> j.rule().id() + " " + (j.record() == null ? null : j.record().id())).containsExactlyInAnyOrder(
				"ART-08-TEXT-RECORDER " + expired.id(), "ART-08-TEXT-RECORDER " + assistant.id());
	}

	@Test
	@DisplayName("ART-06.2: service left at the address without its AV record is red; with it, or served directly, it is not")
	void serviceLeftAtTheAddressNeedsItsRecording() throws Exception {
		var left = new ServiceFacts(UUID.randomUUID(), ServiceMethod.LEFT_AT_ADDRESS, NINE_THIRTY, null);
		document(ZHANG, 1, Set.of(), List.of(left,
				new ServiceFacts(UUID.randomUUID(), ServiceMethod.PUBLIC_NOTICE, NINE_THIRTY, UUID.randomUUID()),
				new ServiceFacts(UUID.randomUUID(), ServiceMethod.DIRECT, NINE_THIRTY, null)));
		assertThat(judge()).singleElement().satisfies(j -> {
			assertThat(j.rule().article()).isEqualTo("ART-06.2");
			assertThat(j.key()).contains(left.id().toString());
		});
	}
}
