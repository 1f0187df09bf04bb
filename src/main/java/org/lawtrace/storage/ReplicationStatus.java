package org.lawtrace.storage;

import org.springframework.stereotype.Component;

/** The replication state the custodian's page and API show: the queue's and the metadata exports' together. */
@Component
public class ReplicationStatus {

	private final Replication replication;
	private final MetadataExport exports;

	ReplicationStatus(Replication replication, MetadataExport exports) {
		this.replication = replication;
		this.exports = exports;
	}

	public Replication.State state() {
		return replication.state(exports);
	}
}
