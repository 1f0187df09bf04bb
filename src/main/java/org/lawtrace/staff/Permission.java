package org.lawtrace.staff;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a person may do in LawTrace, each with the roles that grant it: the one vocabulary of who may do what. A route
 * says it with the matching annotation in {@link Permissions} (the same roles as a {@code @PreAuthorize} rule, kept
 * equal by {@code PermissionsUnitTests}); code that asks in Java asks {@link #grantedTo(StaffMember)} or
 * {@link #grantedTo(Authentication)}. A permission lets someone reach a route; whether they may see a given record
 * is then {@code RecordAccess}'s answer from the case's facts (ART-20), and whether they may act on a given case is
 * the owning module's.
 */
public enum Permission {

	/**
	 * May see cases, their stages and the compliance panel of a case page; the case's records are then RecordAccess's
	 * answer (ART-20).
	 */
	READ_CASES(Roles.CASEWORK),

	/**
	 * May see recordings and documents (lists, pages, derivatives, corrections asked), whose metadata and content
	 * RecordAccess then opens or not (ART-20).
	 */
	READ_RECORDS(Roles.CASEWORK),

	/** May ask for access to records and follow one's requests (ART-20). */
	REQUEST_ACCESS(Roles.CASEWORK),

	/**
	 * May open cases, record their stages, close them, ask for stage exemptions and see one's own gaps: the
	 * enforcement officer's work (ART-02, ART-06).
	 */
	HANDLE_CASES(Role.OFFICER),

	/** May register documents, change them, confirm signatures and record service (ART-14). */
	WRITE_DOCUMENTS(Role.OFFICER),

	/**
	 * May upload recordings from the pages, link them to cases and ask for their correction: the people who record and
	 * the custodian who files (ART-08, ART-13, ART-15).
	 */
	MAKE_RECORDINGS(Role.OFFICER, Role.ASSISTANT, Role.CUSTODIAN),

	/** May hand recordings in over the API, collection stations included (ART-15.1). */
	UPLOAD_RECORDINGS(Role.OFFICER, Role.ASSISTANT, Role.CUSTODIAN, Role.STATION),

	/**
	 * May ask whether exactly these bytes are stored, before a camera is cleared; it tells which files the bureau
	 * holds (ART-20).
	 */
	CHECK_STORED_CONTENT(Role.CUSTODIAN, Role.STATION),

	/**
	 * May decide what staff ask their leaders for: access, corrections (更正), stage exemptions, a failed pre-use check
	 * overridden (ART-20).
	 */
	DECIDE_REQUESTS(Role.DEPUTY_DIRECTOR, Role.DIRECTOR),

	/** May open the home page: every person, never a collection station. */
	SEE_HOME_PAGE(Roles.PERSONS),

	/** May see the staff directory: units, people, their certificates and qualification (ART-07, ART-08). */
	SEE_STAFF(Roles.PERSONS),

	/** May issue and revoke one's own API tokens. */
	MANAGE_OWN_TOKENS(Roles.PERSONS),

	/**
	 * May register staff, change roles (two-person rule for evidence roles), reset passwords, add units, issue
	 * certificates.
	 */
	MANAGE_STAFF(Role.ADMIN),

	/** May reload rule packs and define document kinds. */
	MANAGE_SETTINGS(Role.ADMIN),

	/** May see the role changes waiting for the director's confirmation and the recent ones. */
	SEE_ROLE_CHANGES(Role.DIRECTOR, Role.ADMIN),

	/** May unlock an account locked after failed sign-ins. */
	UNLOCK_ACCOUNTS(Role.DIRECTOR, Role.ADMIN),

	/** May confirm or refuse a role change (two-person rule, ART-19, ART-20). */
	CONFIRM_ROLE_CHANGES(Role.DIRECTOR),

	/** May see the device ledger; officers and assistants see only the devices they hold (ART-09). */
	SEE_DEVICES(Role.OFFICER, Role.ASSISTANT, Role.CUSTODIAN, Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.DISCIPLINE, Role.ADMIN),

	/** May see every device, who holds it, overdue maintenance and the collection stations (ART-09). */
	OVERSEE_DEVICES(Role.CUSTODIAN, Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.DISCIPLINE, Role.ADMIN),

	/** May register recording devices. */
	REGISTER_DEVICES(Role.CUSTODIAN, Role.ADMIN),

	/** May register collection stations and issue, rotate and revoke their tokens. */
	MANAGE_STATIONS(Role.CUSTODIAN, Role.ADMIN),

	/** May issue devices, take them back, keep their repairs and maintenance, retire them (ART-09, ART-13). */
	KEEP_DEVICES(Role.CUSTODIAN),

	/** May check a device before use and report its fault: its keeper or the one who holds it (ART-09). */
	CHECK_DEVICES(Role.OFFICER, Role.ASSISTANT, Role.CUSTODIAN),

	/**
	 * May see the custodian's queues: recordings stored late or still missing past the ART-15.1 deadline, and
	 * recordings not yet linked to a case, which the custodian files (ART-13, ART-15.1).
	 */
	SEE_UPLOAD_QUEUES(Role.CUSTODIAN),

	/** May a collection station reads what the platform knows of itself. */
	SEE_OWN_STATION(Role.STATION),

	/** May see a case's checklist and exemptions. */
	SEE_COMPLIANCE(Role.OFFICER, Role.LEGAL_AFFAIRS, Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.DISCIPLINE),

	/** May see every case's checklist and the compliance dashboard (ART-21). */
	OVERSEE_COMPLIANCE(Role.LEGAL_AFFAIRS, Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.DISCIPLINE),

	/** May re-evaluate every case against the rule packs. */
	EVALUATE_COMPLIANCE(Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.DISCIPLINE, Role.ADMIN),

	/** May read the rule pack in force. */
	SEE_RULES(Role.OFFICER, Role.LEGAL_AFFAIRS, Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.DISCIPLINE, Role.ADMIN),

	/** May see a recording's opening and closing bookmarks (ART-06.0). */
	SEE_BOOKMARKS(Role.OFFICER, Role.ASSISTANT, Role.LEGAL_AFFAIRS, Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.DISCIPLINE),

	/** May set a recording's opening and closing bookmarks (ART-06.0). */
	MARK_RECORDINGS(Role.OFFICER, Role.ASSISTANT, Role.STATION),

	/** May read the audit log, its proofs and custody extracts (ART-22). */
	READ_AUDIT_LOG(Role.CUSTODIAN, Role.LEGAL_AFFAIRS, Role.DIRECTOR, Role.DISCIPLINE),

	/** May see which stored content no record names and which named content is missing. */
	SEE_STORE_RECONCILIATION(Role.CUSTODIAN, Role.DIRECTOR, Role.DISCIPLINE),

	/**
	 * May see the off-site copy's state: lag, failures, last good copy and metadata export (ART-15.3); operational
	 * state only, no record content, so the administrator who runs the machines sees it too.
	 */
	SEE_REPLICATION(Role.CUSTODIAN, Role.DIRECTOR, Role.DISCIPLINE, Role.ADMIN),

	/**
	 * May scrape the operational metrics ({@code /actuator/prometheus}: uploads, bytes, playback, queues, the audit
	 * checkpoint's age, compliance run time): counts and durations only, no record, person or case, so the
	 * administrator who runs the machines, and no one else (ADR 0023).
	 */
	SCRAPE_METRICS(Role.ADMIN),

	/**
	 * May check the records against the audit log and see which rows differ (ART-15, ART-22): the custodian who keeps
	 * them, the discipline unit alerted when they are changed, and the director; ids and digests only.
	 */
	VERIFY_RECORDS(Role.CUSTODIAN, Role.DIRECTOR, Role.DISCIPLINE),

	/** May see the fixity audits of both copies, their monthly report, and the integrity alarms (ART-15, ART-22). */
	SEE_FIXITY(Role.CUSTODIAN, Role.DIRECTOR, Role.DISCIPLINE),

	/** May acknowledge an integrity alarm with a note: the custodian who keeps the copies, the discipline unit. */
	ACKNOWLEDGE_ALARMS(Role.CUSTODIAN, Role.DISCIPLINE),

	/** May see long-term preservation marks (ART-17); an officer sees the ones they asked for. */
	SEE_LONG_TERM_MARKS(Role.OFFICER, Role.CUSTODIAN, Role.LEGAL_AFFAIRS, Role.DEPUTY_DIRECTOR, Role.DIRECTOR,
			Role.DISCIPLINE),

	/** May ask for a long-term mark on a case or record: a handler of the case, or the custodian (ART-17). */
	MARK_LONG_TERM(Role.OFFICER, Role.CUSTODIAN),

	/** May decide long-term marks: the deputy director in charge of the case's unit, or the director (ART-17). */
	DECIDE_LONG_TERM(Role.DEPUTY_DIRECTOR, Role.DIRECTOR),

	/** May see holds, the disposition list, dispositions and destruction registers (ART-16). */
	SEE_DISPOSITIONS(Role.CUSTODIAN, Role.LEGAL_AFFAIRS, Role.DIRECTOR, Role.DISCIPLINE),

	/** May place and release holds for reconsideration, litigation and petitions: legal affairs (ART-16, ART-18). */
	PLACE_HOLDS(Role.LEGAL_AFFAIRS),

	/**
	 * May propose a disposition, give an appraisal opinion and carry out an approved one: the custodian and legal
	 * affairs (ART-16).
	 */
	APPRAISE_DISPOSITIONS(Role.CUSTODIAN, Role.LEGAL_AFFAIRS),

	/** May approve or refuse a disposition: the director alone (ART-16). */
	APPROVE_DISPOSITIONS(Role.DIRECTOR),

	/** May make and download evidence packages: the only channel to courts and reconsideration bodies (ART-19). */
	MAKE_EVIDENCE_PACKAGES(Role.LEGAL_AFFAIRS),

	/** May see which evidence packages were made (ART-19, ART-21). */
	SEE_EVIDENCE_PACKAGES(Role.LEGAL_AFFAIRS, Role.DIRECTOR, Role.DISCIPLINE),

	/**
	 * May make optical disc images of the long-term material, download them for burning, record burnings, where discs
	 * are kept and what reading them back found (ART-13, ART-17): the custodian.
	 */
	KEEP_DISCS(Role.CUSTODIAN),

	/** May see the disc register and which discs are due for their yearly re-check (ART-17, ART-21). */
	SEE_DISCS(Role.CUSTODIAN, Role.DIRECTOR, Role.DISCIPLINE),

	/** May see the home page's overview of all cases by status and kind. */
	SEE_CASE_OVERVIEW(Role.CUSTODIAN, Role.LEGAL_AFFAIRS, Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.DISCIPLINE),

	/**
	 * May archive a closed case (归档, ART-13, ART-14): the custodian; the director only to archive one whose
	 * four-property check failed, with a written reason.
	 */
	ARCHIVE_FILES(Role.CUSTODIAN, Role.DIRECTOR),

	/** May see the archived files, their 档号, 保管期限 and four-property reports (ART-13, ART-16). */
	SEE_ARCHIVES(Role.CUSTODIAN, Role.DIRECTOR, Role.DISCIPLINE),

	/** May download an archival package: the custodian who keeps the files (ART-13). */
	READ_ARCHIVES(Role.CUSTODIAN),

	/**
	 * May define spot-check plans, draw their samples and review the records a plan names one to inspect: the
	 * discipline unit (ART-21); the records themselves open only by the director's approval (ART-20).
	 */
	PLAN_SPOT_CHECKS(Role.DISCIPLINE),

	/** May approve a spot-check plan, opening its sample to its inspectors for its period: the director (ART-20). */
	APPROVE_SPOT_CHECKS(Role.DIRECTOR),

	/** May see spot-check plans, their samples, the inspection ledger and the pass rates (ART-21). */
	SEE_SPOT_CHECKS(Role.DIRECTOR, Role.DISCIPLINE),

	/** May see the checks of one's own records and their conclusions (ART-21). */
	SEE_OWN_CHECKS(Role.OFFICER),

	/** May review the findings their own recorders cleared by correcting their recordings (Chapter 8, ART-22). */
	REVIEW_SELF_CLEARED_FINDINGS(Role.DIRECTOR, Role.DISCIPLINE),

	/** May see the queue of violation signals (违规线索, ART-22): the discipline unit and the director. */
	SEE_VIOLATION_SIGNALS(Role.DISCIPLINE, Role.DIRECTOR),

	/** May triage violation signals: dismiss one with a reason, or scan for new ones (ART-22): the discipline unit. */
	TRIAGE_SIGNALS(Role.DISCIPLINE),

	/** May register violations and propose their sanctions (ART-22): the discipline unit. */
	REGISTER_VIOLATIONS(Role.DISCIPLINE),

	/** May see the violation register with defences and decisions (ART-22): the discipline unit and the director. */
	SEE_VIOLATIONS(Role.DISCIPLINE, Role.DIRECTOR),

	/** May decide the sanction of a violation on the discipline unit's proposal (ART-22): the director alone. */
	DECIDE_SANCTIONS(Role.DIRECTOR),

	/** May see the violations that name oneself and state a defence (陈述申辩, ART-22): every person. */
	SEE_OWN_VIOLATIONS(Roles.PERSONS);

	private final Set<Role> roles;

	Permission(Role... roles) {
		this.roles = Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(roles)));
	}

	Permission(Set<Role> roles) {
		this.roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
	}

	/** The roles that grant this permission, in {@link Role}'s order. */
	public Set<Role> roles() {
		return roles;
	}

	/** Whether someone holding {@code held} may do this. */
	public boolean grantedTo(Set<Role> held) {
		return held.stream().anyMatch(roles::contains);
	}

	public boolean grantedTo(StaffMember member) {
		return grantedTo(member.roles());
	}

	/** Whether the signed-in caller may do this, from the roles they signed in with (as {@code @PreAuthorize} asks). */
	public boolean grantedTo(Authentication caller) {
		var authorities = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		return roles.stream().anyMatch(role -> authorities.contains(role.authority()));
	}

	/** The Spring Security rule its annotation in {@link Permissions} carries: {@code hasAnyRole('A','B')}. */
	public String expression() {
		return roles.stream().map(role -> "'" + role.name() + "'").collect(Collectors.joining(",", "hasAnyRole(", ")"));
	}

	/** Role groups several permissions share. */
	private static final class Roles {

		/** Everyone who works on cases and their records: every person but the administrator. */
		static final Set<Role> CASEWORK = EnumSet.of(Role.OFFICER, Role.ASSISTANT, Role.CUSTODIAN, Role.LEGAL_AFFAIRS,
				Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.DISCIPLINE);

		/** Every person; collection stations are machines and never count. */
		static final Set<Role> PERSONS = EnumSet.complementOf(EnumSet.of(Role.STATION));
	}
}
