package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.TestDatabase;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseOpened;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentOutlines;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingOutlines;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.shared.DurableCommits;
import org.lawtrace.storage.Anchors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * ART-22: the audit module alone (Spring Modulith's module test, the other modules' APIs stood in for) writes the
 * entries other modules' events ask for, once their transaction commits: a case opened becomes a CASE_OPENED entry
 * by the person who opened it, and an event that states its own entry ({@link Audited.Logged}) is logged as stated.
 */
@ApplicationModuleTest(extraIncludes = "shared")
// the module boots without storage, so readiness's "store" contributor is not there to check the group against
@org.springframework.test.context.TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
@ExtendWith(RealDatabaseAvailable.class)
@ContextConfiguration(initializers = AuditModuleIntegrationTests.OwnDatabase.class)
class AuditModuleIntegrationTests {

	/** A database of this test's own: the shared application context of the other tests keeps its schema. */
	static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(TestDatabase.freshProperties(TestDatabase.schema("lawtrace_audit_module")))
				.applyTo(context);
		}
	}

	private static final StaffMember OFFICER = new StaffMember(StaffId.random(), "zhang.wei", "张伟", "DY0101",
			UnitId.random(), true, Set.of(Role.OFFICER), true);

	@MockitoBean
	StaffDirectory staff;

	@MockitoBean
	CaseManagement cases;

	@MockitoBean
	RecordingCatalog recordings;

	@MockitoBean
	RecordAccess access;

	/** The storage module's folder of anchors, which the log writes its signed checkpoints to. */
	@MockitoBean
	Anchors anchors;

	/** What the records check reads of the recordings and documents modules. */
	@MockitoBean
	RecordingOutlines recordingOutlines;

	@MockitoBean
	DocumentOutlines documentOutlines;

	/** What the audit pages' sentences name documents by. */
	@MockitoBean
	DocumentCatalog documentCatalog;

	/** The storage module's durability barrier, which the log waits for before anchoring. */
	@MockitoBean
	DurableCommits durable;

	@Autowired
	AuditLog log;

	@Test
	@DisplayName("ART-22: a case opened is logged as CASE_OPENED by the officer who opened it, after its commit")
	void caseOpenedIsLogged(Scenario scenario) {
		given(staff.byId(OFFICER.id())).willReturn(Optional.of(OFFICER));
		var caseId = CaseId.random();

		scenario.publish(new CaseOpened(caseId, new CaseNumber("东市监处〔2026〕901号"), CaseKind.values()[0], OFFICER.id()))
			.andWaitForStateChange(() -> entriesAbout(caseId.id().toString()), entries -> !entries.isEmpty())
			.andVerify(entries -> {
				assertThat(entries).extracting(AuditEntry::action).containsExactly("CASE_OPENED");
				assertThat(entries).extracting(AuditEntry::actor).containsExactly("zhang.wei");
				assertThat(entries.get(0).detail()).contains("caseNumber=东市监处〔2026〕901号");
			});
	}

	@Test
	@DisplayName("ART-22: an event stating its own entry is logged in its words, refusals as REFUSED")
	void statedEntriesAreLoggedAsStated(Scenario scenario) {
		given(staff.byId(OFFICER.id())).willReturn(Optional.of(OFFICER));
		var subject = UUID.randomUUID().toString();
		scenario.publish(new Refused(OFFICER.id(), subject))
			.andWaitForStateChange(() -> entriesAbout(subject), entries -> !entries.isEmpty())
			.andVerify(entries -> assertThat(entries).singleElement().satisfies(e -> {
				assertThat(e.actor()).isEqualTo("zhang.wei");
				assertThat(e.outcome()).isEqualTo("REFUSED");
				assertThat(e.detail()).isEqualTo("content not open to the viewer");
				assertThat(e.at()).isBefore(Instant.now().plusSeconds(60));
			}));
	}

	/** An event of some module that states its own entry. */
	record Refused(StaffId viewer, String recordingId) implements Audited.Logged {

		@Override
		public Audited.Entry entry() {
			return Audited.Entry.refused(viewer, "VIEW", "RECORDING", recordingId, "content not open to the viewer");
		}
	}

	private List<AuditEntry> entriesAbout(String subjectId) {
		return log.entries(null, subjectId, null, 0, 10).items();
	}
}
