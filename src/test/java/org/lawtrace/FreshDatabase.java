package org.lawtrace;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the shared test application at a fresh data directory and database before it starts. */
class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final java.util.concurrent.atomic.AtomicInteger CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// each application context its own schema: a test class with settings of its own starts a second context, and
		// recreating a shared schema under it would pull the tables from under the first, still cached, one
		TestPropertyValues.of(TestDatabase.freshProperties(TestDatabase.SCHEMA + "_" + CONTEXTS.incrementAndGet()))
			.applyTo(context);
	}
}
