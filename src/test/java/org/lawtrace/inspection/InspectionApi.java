package org.lawtrace.inspection;

import java.util.List;
import java.util.Map;

/** The inspection API's JSON as a client sees it, pinned independently of the production classes. */
final class InspectionApi {

	private InspectionApi() {
	}

	record Plan(String id, String title, String from, String to, String reviewUntil, List<String> kinds,
			Integer sampleSize, Integer samplePercent, List<String> checklist, String status, Long seed, int draws) {
	}

	record Stratum(String unit, String kind, int candidates, int drawn) {
	}

	record Sampled(int position, String recordId, String kind, String unit, String officer) {
	}

	record Sample(String plan, Long seed, int draws, List<Stratum> strata, List<Sampled> records) {
	}

	record Item(int position, String text, String verdict, String note) {
	}

	record Review(String plan, String record, String id, List<String> checklist, List<Item> items,
			List<Map<String, Object>> notes, String conclusion, String reasons, String concludedAt) {
	}

	record Check(String plan, String planTitle, String record, String recordLabel, String caseNumber, String officer,
			String officerName, String unitName, String inspectorName, List<Item> items, String conclusion,
			String reasons) {
	}

	record Rate(String name, int checks, int passed, int mostlyPassed, int failed) {
	}

	record Ledger(List<Check> checks, List<Rate> byUnit, List<Rate> byOfficer) {
	}
}
