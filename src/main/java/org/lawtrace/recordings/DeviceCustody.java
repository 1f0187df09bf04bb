package org.lawtrace.recordings;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lawtrace.devices.DeviceLedger;
import org.lawtrace.devices.DeviceStatus;
import org.lawtrace.shared.StaffId;
import org.springframework.stereotype.Component;

/** Asks the device ledger who held a recording's device when it was made, and judges that against the recorder. */
@Component
class DeviceCustody {

	private final DeviceLedger ledger;

	DeviceCustody(DeviceLedger ledger) {
		this.ledger = ledger;
	}

	/** @return {@literal null} when the recording names no device. */
	@Nullable DeviceFinding judge(@Nullable String serial, Instant at, StaffId recorder) {
		if (serial == null) {
			return null;
		}
		var status = ledger.statusAt(serial, at);
		if (status.isEmpty()) {
			return DeviceFinding.UNKNOWN_DEVICE;
		}
		if (status.get() != DeviceStatus.ISSUED) {
			return status.get() == DeviceStatus.AVAILABLE ? DeviceFinding.NOT_ISSUED : DeviceFinding.OUT_OF_SERVICE;
		}
		return ledger.holderAt(serial, at).filter(recorder::equals).isPresent() ? DeviceFinding.HELD_BY_RECORDER
				: DeviceFinding.HELD_BY_ANOTHER;
	}

	/** Whoever held the device at that moment, for uploads (a station's, say) that do not name the recorder. */
	Optional<StaffId> holderAt(String serial, Instant at) {
		return ledger.holderAt(serial, at);
	}
}
