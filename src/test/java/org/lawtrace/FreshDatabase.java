package org.lawtrace;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the shared test application at a fresh data directory and database before it starts. */
class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of(TestDatabase.freshProperties(TestDatabase.SCHEMA)).applyTo(context);
	}
}
