package org.lawtrace.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lawtrace.compliance.CaseFacts.DocumentFacts;
import org.lawtrace.compliance.CaseFacts.RecordingFacts;
import org.lawtrace.compliance.CaseFacts.StageFacts;
import org.lawtrace.documents.ConfirmationRule;
import org.lawtrace.documents.Direction;
import org.lawtrace.documents.ServiceMethod;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StageId;

/**
 * Applies a rule pack to one case's facts, in memory: what is missing, partial, late or made by the wrong person.
 * No database and no Spring, so each rule is tested on plain facts; the evaluation around it loads facts for many
 * cases at once and writes the judgements back in batches.
 */
final class Evaluator {

	private final RulePack pack;
	private final Roster roster;
	private final DeviceChecks checks;
	private final ZoneId zone;
	private final Deadlines deadlines;

	/**
	 * How the ART-15.1 deadline is counted from the day a recording ended: calendar or working days, as the one
	 * setting the recordings' late badge also uses ({@code lawtrace.recordings.upload-deadline-counting}).
	 */
	interface Deadlines {

		Deadlines CALENDAR = (day, within) -> day.plusDays(within);

		LocalDate after(LocalDate day, long within);
	}

	Evaluator(RulePack pack, Roster roster, DeviceChecks checks, ZoneId zone) {
		this(pack, roster, checks, zone, Deadlines.CALENDAR);
	}

	Evaluator(RulePack pack, Roster roster, DeviceChecks checks, ZoneId zone, Deadlines deadlines) {
		this.pack = pack;
		this.roster = roster;
		this.checks = checks;
		this.zone = zone;
		this.deadlines = deadlines;
	}

	/** The open judgements on a case, and the stages whose AV findings are exempted. */
	record Verdict(List<Judgement> judgements, Set<StageId> exempted) {
	}

	Verdict evaluate(CaseFacts facts) {
		var out = new ArrayList<Judgement>();
		var exempted = new HashSet<>(facts.exemptions().keySet());
		for (var rule : pack.rules()) {
			switch (rule.check()) {
				case STAGE_COVERAGE -> stages(facts, rule, exempted).forEach(s -> coverage(facts, rule, s, out));
				case STAGE_BEFORE_AFTER -> stages(facts, rule, exempted).forEach(s -> beforeAfter(facts, rule, s, out));
				case STAGE_RECORDED -> stages(facts, rule, exempted).forEach(s -> recorded(facts, rule, s, out));
				case STAGE_EXEMPTION -> exemptions(facts, rule, out);
				case OPENING_CLOSING -> openingClosing(facts, rule, exempted, out);
				case STAGE_OFFICERS -> officers(facts, rule, out);
				case RECORDER_QUALIFIED -> facts.recordings().forEach(r -> recorder(facts, rule, r, out));
				case UPLOAD_DEADLINE -> facts.recordings().forEach(r -> uploadDeadline(facts, rule, r, out));
				case LABELS -> labels(facts, rule, out);
				case DEVICE_CUSTODY -> facts.recordings().forEach(r -> device(facts, rule, r, out));
				case DOCUMENT_CONFIRMATIONS -> documents(facts, rule).filter(d -> d.version() == 1)
					.forEach(d -> confirmations(rule, d, out));
				case DOCUMENT_CHANGES -> documents(facts, rule).filter(d -> d.version() > 1)
					.forEach(d -> confirmations(rule, d, out));
				case TEXT_RECORDER -> documents(facts, rule).forEach(d -> textRecorder(rule, d, out));
				case SERVICE_RECORDING -> documents(facts, rule).forEach(d -> serviceRecording(rule, d, out));
				case STAGE_DOCUMENTS -> facts.stages().stream().filter(s -> rule.appliesTo(s.kind()))
					.forEach(s -> stageDocuments(facts, rule, s, out));
			}
		}
		return new Verdict(out, exempted);
	}

	private List<StageFacts> stages(CaseFacts facts, Rule rule, Set<StageId> exempted) {
		return facts.stages().stream().filter(s -> rule.appliesTo(s.kind()) && !exempted.contains(s.id())).toList();
	}

	/** ART-06.1/.3/.4/.6/.7: continuous recordings cover the stage from start to end, gaps no longer than allowed. */
	private void coverage(CaseFacts facts, Rule rule, StageFacts stage, List<Judgement> out) {
		var segments = facts.of(stage).stream().filter(RecordingFacts::continuous)
			.sorted(Comparator.comparing(RecordingFacts::start)).toList();
		var deadline = day(stage.end() != null ? stage.end() : stage.start()).plusDays(rule.fixDays());
		if (segments.isEmpty()) {
			out.add(new Judgement(rule.id() + ":" + stage.id() + ":none", rule, rule.severity(), stage.id(), null,
					"本环节没有录音录像 (no audio or video recording of this stage)", deadline));
			return;
		}
		if (stage.end() == null || !stage.end().isAfter(stage.start())) {
			return;
		}
		var maxGap = Duration.ofSeconds(rule.setting("max-gap-seconds"));
		var span = Duration.between(stage.start(), stage.end());
		var covered = Duration.ZERO;
		var reached = stage.start();
		var gaps = new ArrayList<Instant[]>();
		for (var segment : segments) {
			var from = max(segment.start(), reached);
			var to = min(segment.end(), stage.end());
			if (segment.start().isAfter(reached) && reached.isBefore(stage.end())) {
				gaps.add(new Instant[] { reached, min(segment.start(), stage.end()) });
			}
			if (to.isAfter(from)) {
				covered = covered.plus(Duration.between(from, to));
				reached = to;
			}
		}
		if (reached.isBefore(stage.end())) {
			gaps.add(new Instant[] { reached, stage.end() });
		}
		var percent = covered.toMillis() * 100 / span.toMillis();
		if (percent < rule.setting("min-coverage-percent")) {
			out.add(new Judgement(rule.id() + ":" + stage.id() + ":coverage", rule, rule.partialSeverity(), stage.id(),
					null, "录音录像仅覆盖本环节的 " + percent + "% (recordings cover " + percent + "% of the stage)",
					deadline));
		}
		for (var gap : gaps) {
			var length = Duration.between(gap[0], gap[1]);
			if (length.compareTo(maxGap) > 0) {
				var offset = Duration.between(stage.start(), gap[0]).toSeconds();
				out.add(new Judgement(rule.id() + ":" + stage.id() + ":gap@" + offset, rule, rule.partialSeverity(),
						stage.id(), null, "开始后第 " + offset + " 秒起中断 " + length.toSeconds() + " 秒 (gap of "
								+ length.toSeconds() + " s at " + offset + " s)", deadline));
			}
		}
	}

	/** ART-06.5: one recording shows the situation before the order, one the situation after the correction. */
	private void beforeAfter(CaseFacts facts, Rule rule, StageFacts stage, List<Judgement> out) {
		var window = Duration.ofMinutes(rule.setting("window-minutes"));
		var recordings = facts.of(stage);
		var before = recordings.stream().anyMatch(r -> !r.start().isAfter(stage.start().plus(window)));
		var after = stage.end() != null
				&& recordings.stream().anyMatch(r -> !r.end().isBefore(stage.end().minus(window)));
		var deadline = day(stage.end() != null ? stage.end() : stage.start()).plusDays(rule.fixDays());
		if (!before && !after) {
			out.add(new Judgement(rule.id() + ":" + stage.id() + ":none", rule, rule.severity(), stage.id(), null,
					"整改前后情况均未录音录像 (neither the situation before nor after is recorded)", deadline));
		}
		else if (!after) {
			out.add(new Judgement(rule.id() + ":" + stage.id() + ":after", rule, rule.partialSeverity(), stage.id(),
					null, "缺少整改后情况的录音录像 (the situation after correction is not recorded)", deadline));
		}
		else if (!before) {
			out.add(new Judgement(rule.id() + ":" + stage.id() + ":before", rule, rule.partialSeverity(), stage.id(),
					null, "缺少整改前情况的录音录像 (the situation before the order is not recorded)", deadline));
		}
	}

	/** ART-06.2: service left at the address or by public notice has its recording (a photo of a notice will do). */
	private void recorded(CaseFacts facts, Rule rule, StageFacts stage, List<Judgement> out) {
		if (facts.of(stage).isEmpty()) {
			out.add(new Judgement(rule.id() + ":" + stage.id() + ":none", rule, rule.severity(), stage.id(), null,
					"本环节没有音像记录 (no audio-visual record of this stage)",
					day(stage.end() != null ? stage.end() : stage.start()).plusDays(rule.fixDays())));
		}
	}

	/** ART-06: an approved "not suitable for AV recording" is reported, with its reason. */
	private void exemptions(CaseFacts facts, Rule rule, List<Judgement> out) {
		facts.stages().stream().filter(s -> rule.appliesTo(s.kind()) && facts.exemptions().containsKey(s.id()))
			.forEach(s -> out.add(new Judgement(rule.id() + ":" + s.id() + ":exempted", rule, rule.severity(), s.id(),
					null, "经批准不宜录音录像：" + facts.exemptions().get(s.id()) + " (exempted from AV recording)",
					day(s.start()))));
	}

	/** ART-06.0: each continuous recording of a mandatory stage marks (or attests) the opening and the closing. */
	private void openingClosing(CaseFacts facts, Rule rule, Set<StageId> exempted, List<Judgement> out) {
		var stages = stages(facts, rule, exempted).stream().map(StageFacts::id).toList();
		for (var r : facts.recordings()) {
			var stage = r.stageIds().stream().filter(stages::contains).findFirst();
			if (stage.isEmpty() || !r.continuous()) {
				continue;
			}
			var marked = facts.bookmarks().getOrDefault(r.id(), Set.of());
			var missing = EnumSet.complementOf(marked.isEmpty() ? EnumSet.noneOf(BookmarkKind.class)
					: EnumSet.copyOf(marked));
			for (var kind : missing) {
				var what = kind == BookmarkKind.OPENING
						? "未标记开场告知（出示证件、说明来意、告知权利义务） (opening statement not marked)"
						: "未标记结束时询问有无补充 (closing question not marked)";
				out.add(new Judgement(rule.id() + ":" + r.id() + ":" + kind, rule, rule.severity(), stage.get(), RecordRef.recording(r.id()),
						what, day(r.end()).plusDays(rule.fixDays())));
			}
		}
	}

	/** ART-08: penalties and coercive measures need two qualified officers present; assistants do not count. */
	private void officers(CaseFacts facts, Rule rule, List<Judgement> out) {
		var needed = facts.kind().officersRequired();
		for (var stage : facts.stages()) {
			if (!rule.appliesTo(stage.kind())) {
				continue;
			}
			var on = day(stage.start());
			var people = stage.present().isEmpty() ? facts.handlers() : stage.present();
			var officers = people.stream().filter(p -> roster.officerOn(p, on)).count();
			if (officers < needed) {
				var why = people.stream().filter(p -> !roster.officerOn(p, on)).map(p -> roster.whyNotOfficer(p, on))
					.toList();
				out.add(new Judgement(rule.id() + ":" + stage.id(), rule, rule.severity(), stage.id(), null,
						"在场持证执法人员 " + officers + " 名，应不少于 " + needed + " 名 (qualified officers present: "
								+ officers + ", required: " + needed + ")"
								+ (why.isEmpty() ? "" : "：" + String.join("；", why)),
						on.plusDays(rule.fixDays())));
			}
		}
	}

	/** ART-08: the recorder was an officer with a certificate valid that day, or an assistant. */
	private void recorder(CaseFacts facts, Rule rule, RecordingFacts r, List<Judgement> out) {
		var on = day(r.start());
		if (!roster.mayRecordAudioVisualOn(r.recordedBy(), on)) {
			out.add(new Judgement(rule.id() + ":" + r.id(), rule, rule.severity(), firstStage(facts, r), RecordRef.recording(r.id()),
					"记录人无制作资格：" + roster.whyNotOfficer(r.recordedBy(), on) + " (recorder not qualified on " + on
							+ ")",
					day(r.end()).plusDays(rule.fixDays())));
		}
	}

	/** ART-15.1: stored by the end of the day so many calendar days after the recording ended, in the bureau's zone. */
	private void uploadDeadline(CaseFacts facts, Rule rule, RecordingFacts r, List<Judgement> out) {
		var deadline = deadlines.after(day(r.end()), rule.setting("days"));
		var stored = day(r.uploadedAt());
		if (stored.isAfter(deadline)) {
			var late = stored.toEpochDay() - deadline.toEpochDay();
			out.add(new Judgement(rule.id() + ":" + r.id(), rule, rule.severity(), firstStage(facts, r), RecordRef.recording(r.id()),
					"结束后 " + rule.setting("days") + " 日内未存储，迟 " + late + " 日 (stored " + late
							+ (late == 1 ? " day" : " days") + " after the deadline " + deadline + ")",
					deadline));
		}
	}

	/** ART-15.2: recordings are labelled with case number, party and handler, all of which the case supplies. */
	private void labels(CaseFacts facts, Rule rule, List<Judgement> out) {
		if (facts.recordings().isEmpty()) {
			return;
		}
		var missing = new ArrayList<String>();
		if (!facts.hasParty()) {
			missing.add("当事人 (party)");
		}
		if (facts.handlers().isEmpty()) {
			missing.add("承办人 (handler)");
		}
		if (!missing.isEmpty()) {
			out.add(new Judgement(rule.id() + ":labels", rule, rule.severity(), null, null,
					"音像记录缺少标注：" + String.join("、", missing) + " (labels missing)",
					day(facts.openedAt()).plusDays(rule.fixDays())));
		}
	}

	/** ART-11: the recorder held the device, and it was checked (and passed, or overridden) shortly before use. */
	private void device(CaseFacts facts, Rule rule, RecordingFacts r, List<Judgement> out) {
		if (r.deviceSerial() == null) {
			return;
		}
		var deadline = day(r.end()).plusDays(rule.fixDays());
		if (r.deviceFinding() != null && r.deviceFinding().flagged()) {
			out.add(new Judgement(rule.id() + ":" + r.id() + ":custody", rule, rule.severity(), firstStage(facts, r),
					RecordRef.recording(r.id()), "设备 " + r.deviceSerial() + " 台账不符：" + custody(r.deviceFinding())
							+ " (device ledger: " + r.deviceFinding().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
							+ ")",
					deadline));
		}
		var within = Duration.ofHours(rule.setting("check-within-hours"));
		if (!checks.checkedBefore(r.deviceSerial(), r.start(), within)) {
			out.add(new Judgement(rule.id() + ":" + r.id() + ":check", rule, rule.severity(), firstStage(facts, r),
					RecordRef.recording(r.id()), "设备 " + r.deviceSerial() + " 使用前 " + within.toHours() + " 小时内无合格检查 (no passed pre-use check)",
					deadline));
		}
	}

	/** The case's documents a rule looks at: all, or those of the stage kinds it names. */
	private static Stream<DocumentFacts> documents(CaseFacts facts, Rule rule) {
		if (rule.stages().isEmpty()) {
			return facts.documents().stream();
		}
		var stages = facts.stages().stream().filter(s -> rule.appliesTo(s.kind())).map(StageFacts::id).toList();
		return facts.documents().stream().filter(d -> d.stageId() != null && stages.contains(d.stageId()));
	}

	/** ART-05.3, ART-05.4: the current version has the seals and signatures its kind requires. */
	private void confirmations(Rule rule, DocumentFacts d, List<Judgement> out) {
		if (d.effective()) {
			return;
		}
		var lacking = d.missing().stream().sorted().map(Evaluator::confirmationName).toList();
		var what = d.version() > 1 ? "文书修改后第 " + d.version() + " 版未经签章确认 (changed document version " + d.version()
				+ " not confirmed)" : "文书未完成签章 (document not confirmed)";
		out.add(new Judgement(rule.id() + ":" + d.id() + ":v" + d.version(), rule, rule.severity(), d.stageId(), RecordRef.document(d.id()),
				what + "：" + d.kindName() + " 缺少 " + String.join("、", lacking), day(d.madeAt()).plusDays(rule.fixDays())));
	}

	private static String confirmationName(ConfirmationRule rule) {
		return switch (rule) {
			case SEAL -> "本局印章 (seal)";
			case PARTY -> "当事人签名 (party's signature)";
			case PARTICIPANTS -> "全体参加人员签名 (participants' signatures)";
			case OFFICERS -> "执法人员签名 (officers' signatures)";
		};
	}

	/**
	 * ART-05.2: a stage has each text record the rule requires of its kind, linked to it; an exemption from AV
	 * recording does not excuse the text record.
	 */
	private void stageDocuments(CaseFacts facts, Rule rule, StageFacts stage, List<Judgement> out) {
		var kinds = facts.documents().stream().filter(d -> stage.id().equals(d.stageId())).map(DocumentFacts::kindCode)
			.collect(java.util.stream.Collectors.toSet());
		var deadline = day(stage.end() != null ? stage.end() : stage.start()).plusDays(rule.fixDays());
		rule.documents().forEach((required, name) -> {
			if (java.util.Arrays.stream(required.split("\\|")).noneMatch(kinds::contains)) {
				out.add(new Judgement(rule.id() + ":" + stage.id() + ":" + required, rule, rule.severity(), stage.id(),
						null, "本环节缺少文字记录：" + name + " (a text record this stage needs is missing)", deadline));
			}
		});
	}

	/** ART-08: the bureau's own text records are made by an officer qualified on the day; the party's are not. */
	private void textRecorder(Rule rule, DocumentFacts d, List<Judgement> out) {
		var on = day(d.madeAt());
		if (d.direction() != Direction.PARTY && !roster.officerOn(d.madeBy(), on)) {
			out.add(new Judgement(rule.id() + ":" + d.id(), rule, rule.severity(), d.stageId(), RecordRef.document(d.id()),
					"文字记录制作人无执法资格：" + roster.whyNotOfficer(d.madeBy(), on) + " (text record not made by an officer)",
					on.plusDays(rule.fixDays())));
		}
	}

	/** ART-06.2: leaving at the address and posting a public notice are recorded, and the service names the record. */
	private void serviceRecording(Rule rule, DocumentFacts d, List<Judgement> out) {
		for (var service : d.services()) {
			var needs = service.method() == ServiceMethod.LEFT_AT_ADDRESS || service.method() == ServiceMethod.PUBLIC_NOTICE;
			if (needs && service.recordingId() == null) {
				out.add(new Judgement(rule.id() + ":" + service.id(), rule, rule.severity(), d.stageId(), RecordRef.document(d.id()),
						(service.method() == ServiceMethod.LEFT_AT_ADDRESS ? "留置送达" : "公告送达")
								+ "未关联音像记录 (service " + service.method() + " has no AV record)",
						day(service.servedAt()).plusDays(rule.fixDays())));
			}
		}
	}

	private static @Nullable StageId firstStage(CaseFacts facts, RecordingFacts r) {
		return facts.stages().stream().map(StageFacts::id).filter(r.stageIds()::contains).findFirst().orElse(null);
	}

	private LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, zone);
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** What the device ledger says of the recording's device, as staff say it (a finding's text is shown on pages). */
	private static String custody(org.lawtrace.recordings.DeviceFinding finding) {
		return switch (finding) {
			case HELD_BY_RECORDER -> "设备由记录人领用";
			case HELD_BY_ANOTHER -> "设备当时由他人领用（第十条）";
			case NOT_ISSUED -> "设备当时未发放（第十一条）";
			case OUT_OF_SERVICE -> "设备当时故障、维修或已报废（第十二条）";
			case UNKNOWN_DEVICE -> "设备未登记在台账";
		};
	}
}
