package org.lawtrace.inspection;

import java.time.Instant;

import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * ART-22 (3), private copying: counts each person's downloads of originals and packages per bureau day, and raises a
 * signal once a day passes the setting, once one record is downloaded more often than its setting, and for the first
 * download outside working hours on a day. One signal per person and day (and record), however many more follow.
 */
@Component
class CopyingWatch {

	private final Downloads downloads;
	private final ViolationSignals signals;
	private final SignalSettings settings;
	private final BureauTime time;

	CopyingWatch(Downloads downloads, ViolationSignals signals, SignalSettings settings, BureauTime time) {
		this.downloads = downloads;
		this.signals = signals;
		this.settings = settings;
		this.time = time;
	}

	/** Its own transaction: the bytes left whether or not the serving request's work commits. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void downloaded(StaffId who, String subjectType, String subjectId, String what, Instant at) {
		var day = time.local(at).toLocalDate();
		downloads.add(who, subjectType, subjectId, day, at);
		var today = downloads.onDay(who, day);
		if (today > settings.downloadsPerDay()) {
			signals.raise(SignalKind.EXCESSIVE_DOWNLOADS, "downloads:" + who + ":" + day, who, subjectType, subjectId,
					day + " 当日下载原始记录或材料包 " + today + " 次，超过设定的 " + settings.downloadsPerDay() + " 次",
					at);
		}
		var ofRecord = downloads.ofRecordOnDay(who, subjectType, subjectId, day);
		if (ofRecord > settings.downloadsOfOneRecord()) {
			signals.raise(SignalKind.REPEATED_DOWNLOAD, "repeated:" + who + ":" + subjectType + ":" + subjectId + ":" + day,
					who, subjectType, subjectId, day + " 同一" + what + "被下载 " + ofRecord + " 次，超过设定的 "
							+ settings.downloadsOfOneRecord() + " 次",
					at);
		}
		if (!settings.withinWorkingHours(at, time.zone())) {
			signals.raise(SignalKind.OFF_HOURS_DOWNLOAD, "off-hours:" + who + ":" + day, who, subjectType, subjectId,
					"非工作时间 " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(time.local(at)) + " 下载" + what, at);
		}
	}
}
