package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.shared.IntegrityAlarm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * ART-22, ART-15 (issue 12, finding 5): the scheduled check of records against the log raises an alarm for the
 * custodian and the discipline unit (an {@link IntegrityAlarm} {@code RECORD_DIFFERS_FROM_LOG}) naming a recording
 * moved to another case by SQL, and none for a recording left alone.
 */
@LawTraceIntegrationTest
@RecordApplicationEvents
class RecordsAlarmIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RecordsVerificationSchedule schedule;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	@DisplayName("ART-22: the scheduled records check raises RECORD_DIFFERS_FROM_LOG for a recording moved to another "
			+ "case by SQL, naming the case the log says and the one the table says")
	void aRecordingMovedBySqlRaisesAnAlarmOnSchedule() {
		var first = Api.openCase(port, Api.newCaseNumber());
		var second = Api.openCase(port, Api.newCaseNumber());
		var moved = upload(first);
		var untouched = upload(first);
		jdbc.sql("update recordings_revision set case_id = ? where recording_id = ? and current = true")
			.params(UUID.fromString(second), UUID.fromString(moved)).update();
		try {
			schedule.run();
		}
		finally {
			jdbc.sql("update recordings_revision set case_id = ? where recording_id = ? and current = true")
				.params(UUID.fromString(first), UUID.fromString(moved)).update();
		}
		var alarms = events.stream(IntegrityAlarm.class).toList();
		assertThat(alarms).filteredOn(a -> a.subjectId().equals(moved)).singleElement().satisfies(a -> {
			assertThat(a.kind()).isEqualTo("RECORD_DIFFERS_FROM_LOG");
			assertThat(a.subjectType()).isEqualTo("RECORDING");
			assertThat(a.detail()).contains("case@v1: log says " + first + ", table says " + second);
		});
		assertThat(alarms).noneMatch(a -> a.subjectId().equals(untouched));
	}

	private String upload(String caseId) {
		var made = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		return Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei").inCase(caseId),
				Media.mp4(made, Duration.ofMinutes(3), 4096, System.nanoTime()), "alarm.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().id();
	}
}
