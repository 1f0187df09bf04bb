package org.lawtrace.recordings;

import org.lawtrace.devices.StationManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the device ledger of each recording a collection station (采集站) delivered, so its counts stay current. */
@Component
class StationUploads {

	private final StationManagement stations;

	StationUploads(StationManagement stations) {
		this.stations = stations;
	}

	@ApplicationModuleListener
	void on(RecordingIngested event) {
		stations.countUpload(event.uploadedBy(), event.uploadedAt());
	}
}
