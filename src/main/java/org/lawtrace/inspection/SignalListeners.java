package org.lawtrace.inspection;

import java.time.Duration;
import java.util.Set;

import org.lawtrace.access.PackageDownloaded;
import org.lawtrace.compliance.FindingClearedByOwnCorrection;
import org.lawtrace.devices.DeviceLedger;
import org.lawtrace.devices.DeviceLost;
import org.lawtrace.devices.DeviceRepairOpened;
import org.lawtrace.documents.DocumentAccessRefused;
import org.lawtrace.documents.DocumentContentServed;
import org.lawtrace.recordings.AlterationRefused;
import org.lawtrace.recordings.CorrectionRefused;
import org.lawtrace.recordings.RecordingContentServed;
import org.lawtrace.recordings.RecordingIngested;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.IntegrityAlarm;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.storage.BlobDestructionRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what other modules report into violation signals (ART-22 (2)-(5), ART-11, ART-12). Refusals and downloads
 * are heard at once, in the publisher's thread, since the work they refused is rolled back and an after-commit
 * listener would never hear of them; what commits (ingests, device reports) is heard after the commit. A failure
 * here never fails the publisher's work: it is logged.
 */
@Component
class SignalListeners {

	private static final Logger log = LoggerFactory.getLogger(SignalListeners.class);
	private static final Set<String> ALTERING = Set.of("DELETE", "PUT", "PATCH", "POST");

	private final ViolationSignals signals;
	private final CopyingWatch copying;
	private final StaffDirectory staff;
	private final DeviceLedger devices;
	private final SignalSettings settings;
	private final BureauTime time;

	SignalListeners(ViolationSignals signals, CopyingWatch copying, StaffDirectory staff, DeviceLedger devices,
			SignalSettings settings, BureauTime time) {
		this.signals = signals;
		this.copying = copying;
		this.staff = staff;
		this.devices = devices;
		this.settings = settings;
		this.time = time;
	}

	/** ART-22 (2): someone tried to delete or replace an original recording. */
	@EventListener
	public void on(AlterationRefused e) {
		safely(() -> {
			var who = staff.byUsername(e.attemptedBy()).map(m -> m.id()).orElse(null);
			var now = time.now();
			signals.raise(SignalKind.REFUSED_ALTERATION, "alteration:RECORDING:" + e.recordingId() + ":" + e.attemptedBy()
					+ ":" + e.method() + ":" + time.local(now).toLocalDate(), who, "RECORDING", e.recordingId(),
					("DELETE".equals(e.method()) ? "试图删除原始音像记录，已拒绝" : "试图替换或修改原始音像记录，已拒绝"), now);
		});
	}

	/** ART-22 (2): someone tried to delete or replace a document's file (a viewing refused is not an alteration). */
	@EventListener
	public void on(DocumentAccessRefused e) {
		var method = e.attempt().split(" ", 2)[0];
		if (!ALTERING.contains(method)) {
			return;
		}
		safely(() -> {
			var now = time.now();
			signals.raise(SignalKind.REFUSED_ALTERATION, "alteration:DOCUMENT:" + e.documentId() + ":" + e.actor() + ":"
					+ method + ":" + time.local(now).toLocalDate(), e.actor(), "DOCUMENT", e.documentId(),
					("DELETE".equals(method) ? "试图删除文字记录，已拒绝" : "试图替换或修改文字记录，已拒绝"), now);
		});
	}

	/** ART-22 (2): a revision that would have changed a recording's recorder or case without approval, refused. */
	@EventListener
	public void on(CorrectionRefused e) {
		safely(() -> {
			var now = time.now();
			signals.raise(SignalKind.REFUSED_ALTERATION, "correction:" + e.recordingId() + ":" + e.actor() + ":"
					+ e.action() + ":" + time.local(now).toLocalDate(), e.actor(), "RECORDING", e.recordingId().toString(),
					"未经批准修改音像记录被拒绝：" + e.reason(), now);
		});
	}

	/** ART-22 (5): the write-once store refused to destroy a file outside an approved disposition. */
	@EventListener
	public void on(BlobDestructionRefused e) {
		safely(() -> {
			var now = time.now();
			signals.raise(SignalKind.FILE_DESTRUCTION_REFUSED, "destruction:" + e.sha256() + ":" + e.actor() + ":"
					+ time.local(now).toLocalDate(), e.actor(), "BLOB", e.sha256(),
					"一次写入存储拒绝销毁文件：" + e.reason(), now);
		});
	}

	/** ART-22 (3): an original recording handed out whole (a player's ranges are viewings, not copies). */
	@EventListener
	public void on(RecordingContentServed e) {
		if (!e.wholeFile()) {
			return;
		}
		safely(() -> staff.byUsername(e.viewer()).ifPresent(
				who -> copying.downloaded(who.id(), "RECORDING", e.recordingId().toString(), "音像记录", e.at())));
	}

	/** ART-22 (3): a document's file handed out. */
	@EventListener
	public void on(DocumentContentServed e) {
		safely(() -> copying.downloaded(e.viewer(), "DOCUMENT", e.documentId().toString(), "文字记录", time.now()));
	}

	/** ART-22 (3): an evidence package handed out. */
	@EventListener
	public void on(PackageDownloaded e) {
		safely(() -> copying.downloaded(e.by(), "PACKAGE", e.evidencePackage().id().toString(), "证据材料包",
				time.now()));
	}

	/**
	 * ART-22 (4): daily AV (in no case) that runs longer than the setting or was made outside working hours, for the
	 * discipline unit to review. Recordings carry no place yet, so "far from any stage's place" is not judged.
	 * ART-11: a recording made on a device someone else held, or nobody had been issued.
	 */
	@ApplicationModuleListener
	public void on(RecordingIngested e) {
		var length = Duration.between(e.startedAt(), e.endedAt());
		if (e.caseId() == null) {
			var offHours = !settings.withinWorkingHours(e.startedAt(), time.zone());
			var long_ = length.compareTo(settings.longDailyRecording()) > 0;
			if (offHours || long_) {
				signals.raise(SignalKind.UNRELATED_RECORDING, "daily-recording:" + e.recordingId(), e.recordedBy(),
						"RECORDING", e.recordingId().toString(),
						"未关联案件的日常音像记录，" + (long_ ? "时长 " + length.toMinutes() + " 分钟，超过设定的 "
								+ settings.longDailyRecording().toMinutes() + " 分钟" : "")
								+ (long_ && offHours ? "，且" : "")
								+ (offHours ? "开始于非工作时间 " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(time.local(e.startedAt())) : ""),
						e.startedAt());
			}
		}
		if (e.deviceSerial() != null && devices.statusAt(e.deviceSerial(), e.startedAt()).isPresent()
				&& devices.holderAt(e.deviceSerial(), e.startedAt()).filter(e.recordedBy()::equals).isEmpty()) {
			signals.raise(SignalKind.FOREIGN_DEVICE, "foreign-device:" + e.recordingId(), e.recordedBy(), "RECORDING",
					e.recordingId().toString(), "使用非本人领用的设备 " + e.deviceSerial() + " 记录", e.startedAt());
		}
	}

	/** ART-12: a device repaired by its user (擅自修理). */
	@ApplicationModuleListener
	public void on(DeviceRepairOpened e) {
		if (!e.selfRepair()) {
			return;
		}
		signals.raise(SignalKind.SELF_REPAIR, "self-repair:" + e.repairId(), e.lastHolder(), "DEVICE",
				e.device().id().toString(), "设备 " + e.serialNumber() + " 由 " + e.repairer() + " 自行修理，未送专业维修单位",
				e.at());
	}

	/** ART-22 (5): a device reported lost or destroyed. */
	@ApplicationModuleListener
	public void on(DeviceLost e) {
		signals.raise(SignalKind.DEVICE_LOST, "device-lost:" + e.device().id(), e.holder() == null ? e.reportedBy()
				: e.holder(), "DEVICE", e.device().id().toString(),
				"设备 " + e.serialNumber() + (e.destroyed() ? " 报告损毁：" : " 报告遗失：") + e.description(), e.at());
	}

	/**
	 * ART-22 (5): an integrity alarm that a record was altered or destroyed out of sight (a stored copy failed its
	 * fixity check or went missing, a row differs from the audit log, the log does not verify) is a candidate too: the
	 * custodian repairs, the discipline unit asks who. One signal per alarm kind and subject.
	 */
	@EventListener
	public void on(IntegrityAlarm e) {
		if (!java.util.Set.of("FIXITY_FAILED", "COPY_MISSING", "RECORD_DIFFERS_FROM_LOG", "LOG_DOES_NOT_VERIFY")
			.contains(e.kind())) {
			return;
		}
		safely(() -> signals.raise(SignalKind.RECORD_TAMPERED, "integrity:" + e.kind() + ":" + e.subjectId(), null,
				e.subjectType(), e.subjectId(), e.detail(), time.now()));
	}

	/**
	 * Chapter 8: a finding closed because its own recorder corrected the recording's times or recorder is a candidate
	 * for review (the correction was approved, but the recorder cleared his own finding).
	 */
	@ApplicationModuleListener
	public void on(FindingClearedByOwnCorrection e) {
		signals.raise(SignalKind.CLEARED_BY_OWN_CORRECTION, "finding-cleared:" + e.findingId(), e.recorder(), "CASE",
				e.caseId().id().toString(), "记录人本人更正录音录像的时间或记录人后，其检查发现随之关闭", e.at());
	}

	private static void safely(Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException failure) {
			log.warn("A violation signal could not be raised", failure);
		}
	}
}
