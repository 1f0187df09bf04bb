package org.lawtrace.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.test.context.ContextConfiguration;

/**
 * GB/T 22239-2019 登录失败处理, ART-22: the staff module alone (Spring Modulith's module test) hears Spring Security's
 * failed sign-ins, and the fifth wrong password in a row for an account from one address refuses that address and
 * publishes {@link AccountLocked} for the audit log; four do not.
 */
@ApplicationModuleTest(extraIncludes = "shared")
// the module boots without storage, so readiness's "store" contributor is not there to check the group against
@org.springframework.test.context.TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
@ExtendWith(RealDatabaseAvailable.class)
@ContextConfiguration(initializers = StaffModuleIntegrationTests.OwnDatabase.class)
class StaffModuleIntegrationTests {

	/** A database of this test's own: the shared application context of the other tests keeps its schema. */
	static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(TestDatabase.freshProperties(TestDatabase.schema("lawtrace_staff_module")))
				.applyTo(context);
		}
	}

	@Autowired
	StaffAdministration administration;

	@Autowired
	LoginAttempts attempts;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	@DisplayName("the fifth failed sign-in from one address refuses it and publishes AccountLocked; the fourth does not")
	void fifthFailureLocksTheAddressOut(Scenario scenario) {
		var unit = administration.addUnit("MT-01", "模块测试科", null, UnitKind.OFFICE, null);
		var account = administration.registerMachineAccount("module.test.station", "模块测试采集站", unit.id());
		var username = account.username();
		// the address of the request this thread serves, as a sign-in's would be read
		var address = LoginAttempts.addressOf(UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong"));

		failTimes(username, 4);
		assertThat(attempts.refusedUntil(username, address)).isEmpty();

		scenario.stimulate(() -> failTimes(username, 1))
			.andWaitForEventOfType(AccountLocked.class)
			.matching(locked -> locked.username().equals(username))
			.toArriveAndVerify(locked -> {
				assertThat(locked.failures()).isEqualTo(5);
				assertThat(locked.address()).isEqualTo(address);
				assertThat(attempts.refusedUntil(username, address)).contains(locked.until());
				// the owner signing in from elsewhere is not refused (no lever against others)
				assertThat(attempts.refusedUntil(username, "10.9.9.9")).isEmpty();
			});
	}

	private void failTimes(String username, int times) {
		for (var i = 0; i < times; i++) {
			events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
					UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong"),
					new BadCredentialsException("bad credentials")));
		}
	}
}
