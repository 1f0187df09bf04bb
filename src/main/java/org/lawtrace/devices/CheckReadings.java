package org.lawtrace.devices;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;

/**
 * What a pre-use check (使用前检查, ART-11) read off a device: battery, free storage (in MB, in percent, or both),
 * how far its clock is off, and whether lens and mount are fine. Values no device can show are refused here, so
 * a typing error never passes for a reading.
 *
 * @param clockOffsetSeconds device clock minus true time; negative when the device is behind.
 */
public record CheckReadings(int batteryPercent, @Nullable Integer freeStorageMb, @Nullable Integer freeStoragePercent,
		int clockOffsetSeconds, boolean lensOk) {

	public CheckReadings {
		var problems = problems(batteryPercent, freeStorageMb, freeStoragePercent);
		if (!problems.isEmpty()) {
			throw problems.get(0);
		}
	}

	/**
	 * Every way these values break the rules above, so that a form can say them all at once; the constructor refuses
	 * the first.
	 */
	public static List<InvalidInput> problems(int batteryPercent, @Nullable Integer freeStorageMb,
			@Nullable Integer freeStoragePercent) {
		var problems = new ArrayList<InvalidInput>();
		if (batteryPercent < 0 || batteryPercent > 100) {
			problems.add(new InvalidInput("batteryPercent", "电量应在0到100之间 (battery must be 0..100 %): "
					+ batteryPercent));
		}
		if (freeStorageMb == null && freeStoragePercent == null) {
			problems.add(new InvalidInput("freeStoragePercent",
					"请填写剩余存储空间（MB或%） (give the free storage in MB or %)"));
		}
		if (freeStorageMb != null && freeStorageMb < 0) {
			problems.add(new InvalidInput("freeStorageMb", "剩余存储空间不能为负 (free storage must not be negative): "
					+ freeStorageMb));
		}
		if (freeStoragePercent != null && (freeStoragePercent < 0 || freeStoragePercent > 100)) {
			problems.add(new InvalidInput("freeStoragePercent",
					"剩余存储空间应在0到100%之间 (free storage must be 0..100 %): " + freeStoragePercent));
		}
		return problems;
	}

	/**
	 * The free storage in percent: as read, or worked out from MB and the device's capacity.
	 *
	 * @throws InvalidInput when only MB were read and the capacity is unknown, or the MB exceed it.
	 */
	int freeStoragePercentOf(@Nullable Integer capacityMb) {
		if (freeStorageMb != null && capacityMb != null && freeStorageMb > capacityMb) {
			throw new InvalidInput("freeStorageMb", "剩余存储空间超过设备容量 " + capacityMb + " MB (more free storage "
					+ "than the device holds): " + freeStorageMb);
		}
		if (freeStoragePercent != null) {
			return freeStoragePercent;
		}
		if (capacityMb == null || capacityMb == 0) {
			throw new InvalidInput("freeStoragePercent", "设备未登记存储容量，请按百分比填写剩余存储空间 (the device's "
					+ "capacity is unknown: give the free storage in %)");
		}
		return (int) ((long) freeStorageMb * 100 / capacityMb);
	}
}
