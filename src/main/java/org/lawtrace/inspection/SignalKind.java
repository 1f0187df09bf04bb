package org.lawtrace.inspection;

/**
 * What a violation signal (违规线索) points at, with the item of ART-22 (or the device rule) it may prove. A signal is
 * a candidate for the discipline unit's queue, never a sanction by itself.
 */
public enum SignalKind {

	/** ART-22 (1): a required recording still missing past its deadline (an overdue compliance finding). */
	MISSING_RECORDING(1, "应录未录且已逾期"),
	/** ART-22 (2): an attempt to delete or modify an original, refused. */
	REFUSED_ALTERATION(2, "试图删除或修改原始记录被拒绝"),
	/** ART-22 (3): more downloads of originals or packages in a day than the setting allows. */
	EXCESSIVE_DOWNLOADS(3, "单日下载次数异常"),
	/** ART-22 (3): downloads outside working hours. */
	OFF_HOURS_DOWNLOAD(3, "非工作时间下载"),
	/** ART-22 (3): the same record downloaded again and again. */
	REPEATED_DOWNLOAD(3, "同一记录反复下载"),
	/** ART-22 (4): daily AV (no case) that is long or made outside working hours: for review. */
	UNRELATED_RECORDING(4, "疑似与执法无关的日常音像记录"),
	/** ART-22 (5): a device reported lost or destroyed. */
	DEVICE_LOST(5, "执法记录设备遗失或损毁"),
	/** ART-22 (5): the write-once store refused to destroy a file. */
	FILE_DESTRUCTION_REFUSED(5, "试图销毁存储文件被拒绝"),
	/**
	 * ART-22 (5): a stored copy changed or went missing, or a record's row no longer matches the audit log, or the log
	 * itself does not verify (an integrity alarm): someone may have altered or destroyed a record out of sight.
	 */
	RECORD_TAMPERED(5, "存储的记录被改动或缺失"),
	/** ART-12: a device repaired by its user rather than a professional repairer (擅自修理). */
	SELF_REPAIR(6, "擅自修理执法记录设备"),
	/** ART-11: a recording made on a device not issued to its recorder. */
	FOREIGN_DEVICE(6, "使用非本人领用的设备记录"),
	/** ART-22 (6), Chapter 8: a finding closed by its own recorder's correction of times or recorder. */
	CLEARED_BY_OWN_CORRECTION(6, "检查发现因记录人本人更正而关闭");

	private final int item;
	private final String chineseName;

	SignalKind(int item, String chineseName) {
		this.item = item;
		this.chineseName = chineseName;
	}

	/** The item of ART-22 it may prove, (1) to (6); device rules and other breaches are (6). */
	public int item() {
		return item;
	}

	public String chineseName() {
		return chineseName;
	}
}
