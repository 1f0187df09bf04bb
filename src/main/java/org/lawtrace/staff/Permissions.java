package org.lawtrace.staff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The annotations routes carry to say who may call them, one per {@link Permission} and named like it, each a
 * {@code @PreAuthorize} rule granting the permission's roles. Annotation values must be constants, so each rule is
 * written out here once; {@code PermissionsUnitTests} fails when one differs from its permission's roles, and
 * {@code ArchitectureTests} when a route carries a {@code @PreAuthorize} of its own instead.
 */
public final class Permissions {

	private Permissions() {
	}

	/** Anyone signed in, whatever their roles: for what every caller may do to themselves, or is refused and logged. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("isAuthenticated()")
	public @interface SignedIn {
	}

	/** Anyone, signed in or not: the sign-in page only. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("permitAll()")
	public @interface Anyone {
	}

	/**
	 * {@link Permission#READ_CASES}: may see cases, their stages and the compliance panel of a case page; the case's
	 * records are then RecordAccess's answer (ART-20).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE')")
	public @interface ReadCases {
	}

	/**
	 * {@link Permission#READ_RECORDS}: may see recordings and documents (lists, pages, derivatives, corrections
	 * asked), whose metadata and content RecordAccess then opens or not (ART-20).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE')")
	public @interface ReadRecords {
	}

	/** {@link Permission#REQUEST_ACCESS}: may ask for access to records and follow one's requests (ART-20). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE')")
	public @interface RequestAccess {
	}

	/**
	 * {@link Permission#HANDLE_CASES}: may open cases, record their stages, close them, ask for stage exemptions and
	 * see one's own gaps: the enforcement officer's work (ART-02, ART-06).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER')")
	public @interface HandleCases {
	}

	/**
	 * {@link Permission#WRITE_DOCUMENTS}: may register documents, change them, confirm signatures and record service
	 * (ART-14).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER')")
	public @interface WriteDocuments {
	}

	/**
	 * {@link Permission#MAKE_RECORDINGS}: may upload recordings from the pages, link them to cases and ask for their
	 * correction: the people who record and the custodian who files (ART-08, ART-13, ART-15).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN')")
	public @interface MakeRecordings {
	}

	/**
	 * {@link Permission#UPLOAD_RECORDINGS}: may hand recordings in over the API, collection stations included
	 * (ART-15.1).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','STATION')")
	public @interface UploadRecordings {
	}

	/**
	 * {@link Permission#CHECK_STORED_CONTENT}: may ask whether exactly these bytes are stored, before a camera is
	 * cleared; it tells which files the bureau holds (ART-20).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','STATION')")
	public @interface CheckStoredContent {
	}

	/**
	 * {@link Permission#DECIDE_REQUESTS}: may decide what staff ask their leaders for: access, corrections (更正), stage
	 * exemptions, a failed pre-use check overridden (ART-20).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DEPUTY_DIRECTOR','DIRECTOR')")
	public @interface DecideRequests {
	}

	/** {@link Permission#SEE_HOME_PAGE}: may open the home page: every person, never a collection station. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE','ADMIN')")
	public @interface SeeHomePage {
	}

	/**
	 * {@link Permission#SEE_STAFF}: may see the staff directory: units, people, their certificates and qualification
	 * (ART-07, ART-08).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE','ADMIN')")
	public @interface SeeStaff {
	}

	/** {@link Permission#MANAGE_OWN_TOKENS}: may issue and revoke one's own API tokens. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE','ADMIN')")
	public @interface ManageOwnTokens {
	}

	/**
	 * {@link Permission#MANAGE_STAFF}: may register staff, change roles (two-person rule for evidence roles), reset
	 * passwords, add units, issue certificates.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('ADMIN')")
	public @interface ManageStaff {
	}

	/** {@link Permission#MANAGE_SETTINGS}: may reload rule packs and define document kinds. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('ADMIN')")
	public @interface ManageSettings {
	}

	/**
	 * {@link Permission#SEE_ROLE_CHANGES}: may see the role changes waiting for the director's confirmation and the
	 * recent ones.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR','ADMIN')")
	public @interface SeeRoleChanges {
	}

	/** {@link Permission#UNLOCK_ACCOUNTS}: may unlock an account locked after failed sign-ins. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR','ADMIN')")
	public @interface UnlockAccounts {
	}

	/**
	 * {@link Permission#CONFIRM_ROLE_CHANGES}: may confirm or refuse a role change (two-person rule, ART-19, ART-20).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR')")
	public @interface ConfirmRoleChanges {
	}

	/**
	 * {@link Permission#SEE_DEVICES}: may see the device ledger; officers and assistants see only the devices they
	 * hold (ART-09).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE','ADMIN')")
	public @interface SeeDevices {
	}

	/**
	 * {@link Permission#OVERSEE_DEVICES}: may see every device, who holds it, overdue maintenance and the collection
	 * stations (ART-09).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE','ADMIN')")
	public @interface OverseeDevices {
	}

	/** {@link Permission#REGISTER_DEVICES}: may register recording devices. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','ADMIN')")
	public @interface RegisterDevices {
	}

	/**
	 * {@link Permission#MANAGE_STATIONS}: may register collection stations and issue, rotate and revoke their tokens.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','ADMIN')")
	public @interface ManageStations {
	}

	/**
	 * {@link Permission#KEEP_DEVICES}: may issue devices, take them back, keep their repairs and maintenance, retire
	 * them (ART-09, ART-13).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN')")
	public @interface KeepDevices {
	}

	/**
	 * {@link Permission#CHECK_DEVICES}: may check a device before use and report its fault: its keeper or the one who
	 * holds it (ART-09).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN')")
	public @interface CheckDevices {
	}

	/**
	 * {@link Permission#SEE_UPLOAD_QUEUES}: may see the custodian's queues of late uploads and unlinked recordings
	 * (ART-13, ART-15.1).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN')")
	public @interface SeeUploadQueues {
	}

	/** {@link Permission#SEE_OWN_STATION}: may a collection station reads what the platform knows of itself. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('STATION')")
	public @interface SeeOwnStation {
	}

	/** {@link Permission#SEE_COMPLIANCE}: may see a case's checklist and exemptions. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE')")
	public @interface SeeCompliance {
	}

	/** {@link Permission#OVERSEE_COMPLIANCE}: may see every case's checklist and the compliance dashboard (ART-21). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE')")
	public @interface OverseeCompliance {
	}

	/** {@link Permission#EVALUATE_COMPLIANCE}: may re-evaluate every case against the rule packs. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE','ADMIN')")
	public @interface EvaluateCompliance {
	}

	/** {@link Permission#SEE_RULES}: may read the rule pack in force. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE','ADMIN')")
	public @interface SeeRules {
	}

	/** {@link Permission#SEE_BOOKMARKS}: may see a recording's opening and closing bookmarks (ART-06.0). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE')")
	public @interface SeeBookmarks {
	}

	/** {@link Permission#MARK_RECORDINGS}: may set a recording's opening and closing bookmarks (ART-06.0). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','STATION')")
	public @interface MarkRecordings {
	}

	/** {@link Permission#READ_AUDIT_LOG}: may read the audit log, its proofs and custody extracts (ART-22). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','LEGAL_AFFAIRS','DIRECTOR','DISCIPLINE')")
	public @interface ReadAuditLog {
	}

	/**
	 * {@link Permission#SEE_STORE_RECONCILIATION}: may see which stored content no record names and which named
	 * content is missing.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','DIRECTOR','DISCIPLINE')")
	public @interface SeeStoreReconciliation {
	}

	/** {@link Permission#SEE_REPLICATION}: may see the off-site copy's state (ART-15.3), no record content. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','DIRECTOR','DISCIPLINE','ADMIN')")
	public @interface SeeReplication {
	}

	/** {@link Permission#SCRAPE_METRICS}: may scrape the operational metrics; the actuator route asks it (ADR 0023). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('ADMIN')")
	public @interface ScrapeMetrics {
	}

	/** {@link Permission#VERIFY_RECORDS}: may check the records against the audit log (ART-15, ART-22). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','DIRECTOR','DISCIPLINE')")
	public @interface VerifyRecords {
	}

	/** {@link Permission#SEE_FIXITY}: may see fixity audits, their report and the integrity alarms. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','DIRECTOR','DISCIPLINE')")
	public @interface SeeFixity {
	}

	/** {@link Permission#SEE_LONG_TERM_MARKS}: may see long-term marks. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE')")
	public @interface SeeLongTermMarks {
	}

	/** {@link Permission#MARK_LONG_TERM}: may ask for a long-term mark. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','CUSTODIAN')")
	public @interface MarkLongTerm {
	}

	/** {@link Permission#DECIDE_LONG_TERM}: may decide long-term marks. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DEPUTY_DIRECTOR','DIRECTOR')")
	public @interface DecideLongTerm {
	}

	/** {@link Permission#SEE_DISPOSITIONS}: may see holds, dispositions and registers. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','LEGAL_AFFAIRS','DIRECTOR','DISCIPLINE')")
	public @interface SeeDispositions {
	}

	/** {@link Permission#PLACE_HOLDS}: may place and release holds. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('LEGAL_AFFAIRS')")
	public @interface PlaceHolds {
	}

	/** {@link Permission#APPRAISE_DISPOSITIONS}: may propose, appraise and carry out dispositions. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','LEGAL_AFFAIRS')")
	public @interface AppraiseDispositions {
	}

	/** {@link Permission#APPROVE_DISPOSITIONS}: may approve or refuse a disposition. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR')")
	public @interface ApproveDispositions {
	}

	/** {@link Permission#ACKNOWLEDGE_ALARMS}: may acknowledge an integrity alarm with a note. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','DISCIPLINE')")
	public @interface AcknowledgeAlarms {
	}

	/**
	 * {@link Permission#MAKE_EVIDENCE_PACKAGES}: may make and download evidence packages: the only channel to courts
	 * and reconsideration bodies (ART-19).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('LEGAL_AFFAIRS')")
	public @interface MakeEvidencePackages {
	}

	/** {@link Permission#SEE_EVIDENCE_PACKAGES}: may see which evidence packages were made (ART-19, ART-21). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('LEGAL_AFFAIRS','DIRECTOR','DISCIPLINE')")
	public @interface SeeEvidencePackages {
	}

	/**
	 * {@link Permission#ARCHIVE_FILES}: may archive a closed case (ART-13, ART-14); the director only to override a
	 * failed four-property check.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','DIRECTOR')")
	public @interface ArchiveFiles {
	}

	/** {@link Permission#SEE_ARCHIVES}: may see the archived files and their reports (ART-13, ART-16). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','DIRECTOR','DISCIPLINE')")
	public @interface SeeArchives {
	}

	/** {@link Permission#READ_ARCHIVES}: may download an archival package (ART-13). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN')")
	public @interface ReadArchives {
	}

	/** {@link Permission#REVIEW_SELF_CLEARED_FINDINGS}: may review findings cleared by their recorders' own corrections. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR','DISCIPLINE')")
	public @interface ReviewSelfClearedFindings {
	}

	/**
	 * {@link Permission#KEEP_DISCS}: may make optical disc images of the long-term material, download them for burning,
	 * record burnings, where discs are kept and what reading them back found (ART-13, ART-17): the custodian.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN')")
	public @interface KeepDiscs {
	}

	/**
	 * {@link Permission#SEE_DISCS}: may see the disc register and which discs are due for their yearly re-check
	 * (ART-17, ART-21).
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('CUSTODIAN','DIRECTOR','DISCIPLINE')")
	public @interface SeeDiscs {
	}
	/** {@link Permission#PLAN_SPOT_CHECKS}: may define and draw spot-check plans and review their records. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DISCIPLINE')")
	public @interface PlanSpotChecks {
	}

	/** {@link Permission#APPROVE_SPOT_CHECKS}: may approve a spot-check plan. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR')")
	public @interface ApproveSpotChecks {
	}

	/** {@link Permission#SEE_SPOT_CHECKS}: may see plans, samples, the inspection ledger and rates. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR','DISCIPLINE')")
	public @interface SeeSpotChecks {
	}

	/** {@link Permission#SEE_OWN_CHECKS}: may see the checks of one's own records. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER')")
	public @interface SeeOwnChecks {
	}

	/** {@link Permission#SEE_VIOLATION_SIGNALS}: may see the queue of violation signals (ART-22). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR','DISCIPLINE')")
	public @interface SeeViolationSignals {
	}

	/** {@link Permission#TRIAGE_SIGNALS}: may triage violation signals (ART-22). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DISCIPLINE')")
	public @interface TriageSignals {
	}

	/** {@link Permission#REGISTER_VIOLATIONS}: may register violations and propose sanctions (ART-22). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DISCIPLINE')")
	public @interface RegisterViolations {
	}

	/** {@link Permission#SEE_VIOLATIONS}: may see the violation register (ART-22). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR','DISCIPLINE')")
	public @interface SeeViolations {
	}

	/** {@link Permission#DECIDE_SANCTIONS}: may decide a violation's sanction (ART-22). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('DIRECTOR')")
	public @interface DecideSanctions {
	}

	/** {@link Permission#SEE_OWN_VIOLATIONS}: may see the violations naming oneself and state a defence (ART-22). */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@PreAuthorize("hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR','DIRECTOR','DISCIPLINE','ADMIN')")
	public @interface SeeOwnViolations {
	}
}
