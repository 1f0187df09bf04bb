package org.lawtrace;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of DESIGN.md holds: no cycles, no reaching into another module's internals. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(LawTraceApplication.class);

	@Test
	void verifiesModuleStructure() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
