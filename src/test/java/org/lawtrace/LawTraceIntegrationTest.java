package org.lawtrace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one application configuration all integration tests share (so Spring starts it once per run): the whole
 * platform on a random port, with the demo bureau, on a fresh real database (H2 file or PostgreSQL) and a
 * movable clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealDatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "lawtrace.demo=true",
		// read-backs of disc images the tests write under the temporary folder
		"lawtrace.retention.disc-read-roots=/media,/mnt,/run/media,${java.io.tmpdir}" })
@ContextConfiguration(initializers = FreshDatabase.class)
@Import(LawTraceIntegrationTest.Clocks.class)
public @interface LawTraceIntegrationTest {

	@TestConfiguration(proxyBeanMethods = false)
	class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}
	}
}
