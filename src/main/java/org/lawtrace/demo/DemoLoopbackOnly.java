package org.lawtrace.demo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** A demo server has well-known passwords, so unless told otherwise it listens on loopback only. */
class DemoLoopbackOnly implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("lawtrace.demo", Boolean.class, false)
				&& !environment.containsProperty("server.address")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("lawtrace-demo", Map.of("server.address", "127.0.0.1")));
		}
	}
}
