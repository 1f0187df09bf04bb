package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.Procedure;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.core.io.DefaultResourceLoader;

/** The file plan: shipped default, the data directory's table, and the plans refused at start. */
class FilePlanUnitTests {

	@TempDir
	Path dir;

	FilePlan plan() {
		return new FilePlan(new DefaultResourceLoader(), "file:" + dir + "/file-plan.yaml");
	}

	void write(String yaml) throws Exception {
		Files.writeString(dir.resolve("file-plan.yaml"), yaml, StandardCharsets.UTF_8);
	}

	static Case aCase(CaseKind kind, Procedure procedure, boolean major) {
		return new Case(CaseId.random(), new CaseNumber("东市监处〔2026〕1号"), kind, procedure, "案", UnitId.random(), major,
				Case.Status.CLOSED, List.of(StaffId.random()), List.of(), Instant.EPOCH, StaffId.random(),
				LocalDate.of(2026, 3, 1), Instant.EPOCH, StaffId.random());
	}

	static final String SMALL = """
			version: test-1
			confirmed: true
			categories:
			  - id: ALL
			    name: 全部
			    period: 10Y
			daily-recordings:
			  period: 2Y
			""";

	@Test
	@DisplayName("ART-16.1: the shipped default keeps general-procedure penalties permanently and summary ones 30 years, and says it is the bureau's to confirm")
	void shippedDefault() {
		var plan = plan();
		assertThat(plan.confirmed()).isFalse();
		assertThat(plan.source()).contains("retention/file-plan.yaml");
		assertThat(plan.periodOf(aCase(CaseKind.ADMINISTRATIVE_PENALTY, Procedure.GENERAL, false)).permanent()).isTrue();
		assertThat(plan.periodOf(aCase(CaseKind.ADMINISTRATIVE_PENALTY, Procedure.SIMPLE, false)))
			.isEqualTo(RetentionPeriod.years(30));
		assertThat(plan.periodOf(aCase(CaseKind.ADMINISTRATIVE_COERCION, Procedure.GENERAL, true)).permanent()).isTrue();
		assertThat(plan.periodOf(aCase(CaseKind.SUPERVISION_INSPECTION, Procedure.GENERAL, false)))
			.isEqualTo(RetentionPeriod.years(10));
		assertThat(plan.categoryOf(aCase(CaseKind.ADMINISTRATIVE_PENALTY, Procedure.GENERAL, false)).cutOff())
			.isEqualTo(CutOff.CASE_CLOSED);
		assertThat(plan.categoryOf(aCase(CaseKind.ADMINISTRATIVE_PENALTY, Procedure.GENERAL, false)).requiredDocuments())
			.contains(List.of("FILING_APPROVAL"), List.of("PENALTY_DECISION", "NO_PENALTY_DECISION"));
		assertThat(plan.periodOfDailyRecording()).isEqualTo(RetentionPeriod.years(1));
		assertThat(plan.dailyRecordingCutOff()).isEqualTo(CutOff.RECORDED);
	}

	@Test
	@DisplayName("ART-16.3: a recording in a general-procedure penalty or coercion case is kept as long as the case file; one in no case as a daily recording")
	void recordingsInheritTheirCaseFilesPeriod() {
		var plan = plan();
		var penalty = aCase(CaseKind.ADMINISTRATIVE_PENALTY, Procedure.GENERAL, false);
		var coercion = aCase(CaseKind.ADMINISTRATIVE_COERCION, Procedure.GENERAL, false);
		assertThat(plan.periodOfRecording(penalty)).isEqualTo(plan.periodOf(penalty));
		assertThat(plan.periodOfRecording(coercion)).isEqualTo(plan.periodOf(coercion));
		assertThat(plan.periodOfRecording(null)).isEqualTo(plan.periodOfDailyRecording());
	}

	@Test
	@DisplayName("ART-16.1: the data directory's table replaces the shipped one")
	void dataDirectoryOverrides() throws Exception {
		write(SMALL);
		var plan = plan();
		assertThat(plan.version()).isEqualTo("test-1");
		assertThat(plan.confirmed()).isTrue();
		assertThat(plan.periodOf(aCase(CaseKind.ADMINISTRATIVE_PENALTY, Procedure.GENERAL, true)))
			.isEqualTo(RetentionPeriod.years(10));
		assertThat(plan.periodOfDailyRecording()).isEqualTo(RetentionPeriod.years(2));
	}

	@Test
	@DisplayName("ART-16.2: daily recordings set below one year are refused at start, naming the setting")
	void dailyBelowOneYearRefused() throws Exception {
		write(SMALL.replace("period: 2Y", "period: 6M"));
		assertThatThrownBy(this::plan).isInstanceOf(FilePlanRefused.class)
			.hasMessageContaining("daily-recordings.period")
			.hasMessageContaining("6个月")
			.satisfies(e -> assertThat(((FilePlanRefused) e).setting()).isEqualTo("daily-recordings.period"));
	}

	@Test
	@DisplayName("ART-16.1: a table leaving some cases uncovered, or with an unknown kind or period, is refused naming it")
	void badTablesRefused() throws Exception {
		write(SMALL.replace("    period: 10Y", "    kind: ADMINISTRATIVE_PENALTY\n    period: 10Y"));
		assertThatThrownBy(this::plan).isInstanceOf(FilePlanRefused.class)
			.hasMessageContaining("categories: no row covers SUPERVISION_INSPECTION");
		write(SMALL.replace("    period: 10Y", "    kind: PENALTY\n    period: 10Y"));
		assertThatThrownBy(this::plan).hasMessageContaining("categories[0].kind: unknown value 'PENALTY'");
		write(SMALL.replace("period: 10Y", "period: forever"));
		assertThatThrownBy(this::plan).hasMessageContaining("categories[0].period");
		write(SMALL.replace("confirmed: true", "confirmed: true\nkeep: always"));
		assertThatThrownBy(this::plan).hasMessageContaining("keep: unknown setting");
	}

	@Test
	@DisplayName("ART-16.1: a fixed period falls due its term after the cut-off; a permanent one never")
	void dueDates() {
		assertThat(RetentionPeriod.parse("30年").dueOn(LocalDate.of(2026, 3, 1))).contains(LocalDate.of(2056, 3, 1));
		assertThat(RetentionPeriod.parse("永久").dueOn(LocalDate.of(2026, 3, 1))).isEmpty();
		assertThat(RetentionPeriod.parse("P10Y").chinese()).isEqualTo("10年");
		assertThat(RetentionPeriod.PERMANENT.chinese()).isEqualTo("永久");
		assertThat(RetentionPeriod.PERMANENT.atLeast(RetentionPeriod.years(30))).isTrue();
		assertThat(RetentionPeriod.years(10).atLeast(RetentionPeriod.PERMANENT)).isFalse();
	}
}
