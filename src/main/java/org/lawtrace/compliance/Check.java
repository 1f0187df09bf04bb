package org.lawtrace.compliance;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The checks the code knows how to make; a rule pack names one per rule and tunes its settings. Adding a check is
 * a code change, choosing which rules, articles, severities, stage kinds and thresholds apply is not.
 */
public enum Check {
	/** ART-06: AV recordings linked to the stage cover its time span, without gaps longer than allowed. */
	STAGE_COVERAGE("stage-coverage", Map.of("max-gap-seconds", 30L, "min-coverage-percent", 95L)),
	/** ART-06.5: the situation before and after is recorded. */
	STAGE_BEFORE_AFTER("stage-before-after", Map.of("window-minutes", 30L)),
	/** ART-06.2: the stage has at least one AV record (video, audio or photo). */
	STAGE_RECORDED("stage-recorded", Map.of()),
	/** ART-06: an approved "not suitable for AV recording" exemption is itself reported. */
	STAGE_EXEMPTION("stage-exemption", Map.of()),
	/** ART-06.0: the opening statement and closing question are bookmarked or attested. */
	OPENING_CLOSING("opening-closing", Map.of()),
	/** ART-08: enough qualified officers were present at the stage. */
	STAGE_OFFICERS("stage-officers", Map.of()),
	/** ART-08: the recorder was an officer with a certificate valid that day, or an assistant (AV only). */
	RECORDER_QUALIFIED("recorder-qualified", Map.of()),
	/** ART-15.1: stored within so many days of the recording's end. */
	UPLOAD_DEADLINE("upload-deadline", Map.of("days", 2L)),
	/** ART-15.2: the case gives its recordings their labels (case number, party, handler). */
	LABELS("labels", Map.of()),
	/** ART-11: the recorder held the device, and it passed (or a leader overrode) a check shortly before use. */
	DEVICE_CUSTODY("device-custody", Map.of("check-within-hours", 24L)),
	/** ART-05.3: the seals and signatures a document's kind requires are present. */
	DOCUMENT_CONFIRMATIONS("document-confirmations", Map.of()),
	/** ART-05.4: a changed document's new version is confirmed. */
	DOCUMENT_CHANGES("document-changes", Map.of()),
	/** ART-08: text records are made by officers qualified that day. */
	TEXT_RECORDER("text-recorder-qualified", Map.of()),
	/** ART-06.2: service left at the address or by public notice has its AV record. */
	SERVICE_RECORDING("service-recording", Map.of()),
	/**
	 * ART-05.2: each stage of the rule's kinds has the text records the rule's {@code documents} name (document kind
	 * codes, {@code A|B} for either), each linked to the stage.
	 */
	STAGE_DOCUMENTS("stage-documents", Map.of());

	private final String yamlName;
	private final Map<String, Long> defaults;

	Check(String yamlName, Map<String, Long> defaults) {
		this.yamlName = yamlName;
		this.defaults = defaults;
	}

	public String yamlName() {
		return yamlName;
	}

	/** The settings this check reads, with their values when a pack does not give them. */
	public Map<String, Long> defaults() {
		return defaults;
	}

	static Optional<Check> named(String name) {
		return Arrays.stream(values()).filter(c -> c.yamlName.equals(name)).findFirst();
	}
}
