package org.lawtrace.storage.web;

import org.lawtrace.staff.Permissions;
import org.lawtrace.storage.Reconciliation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The store reconciled with the records, for the custodian and those who oversee the records (ART-13, ART-22). */
@RestController
class ReconciliationController {

	private final Reconciliation reconciliation;

	ReconciliationController(Reconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	/** Blobs no record names and blobs records name that the store lacks; nothing is deleted either way. */
	@GetMapping("/api/v1/storage/reconciliation")
	@Permissions.SeeStoreReconciliation
	Reconciliation.Report reconciliation() {
		return reconciliation.reconcile();
	}
}
