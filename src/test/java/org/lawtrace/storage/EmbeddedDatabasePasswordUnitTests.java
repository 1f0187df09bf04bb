package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * GB/T 22239-2019 (身份鉴别): the embedded database no longer opens for user {@code sa} with an empty password; its
 * random password is kept owner-only in the data directory, and a database made by an earlier version gets one.
 */
class EmbeddedDatabasePasswordUnitTests {

	@TempDir
	Path dataDir;

	@Test
	@DisplayName("GB/T 22239: a new embedded database gets a random password kept in a 0600 file, and refuses the empty one")
	void newDatabaseGetsARandomPassword() throws Exception {
		var environment = environment(Map.of());
		var password = environment.getProperty("spring.datasource.password");
		assertThat(password).hasSizeGreaterThanOrEqualTo(32);
		var file = dataDir.resolve("db").resolve("credentials");
		assertThat(Files.readString(file)).contains("password=" + password);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		var url = environment.getProperty("spring.datasource.url");
		DriverManager.getConnection(url, "sa", password).close(); // H2 creates the database with the password
		assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
		assertThat(environment(Map.of()).getProperty("spring.datasource.password")).isEqualTo(password);
	}

	@Test
	@DisplayName("GB/T 22239: a database made with the empty password by an earlier version gets the new password")
	void existingDatabaseWithEmptyPasswordGetsOne() throws Exception {
		var url = "jdbc:h2:file:" + dataDir + "/db/lawtrace;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH";
		try (var old = DriverManager.getConnection(url, "sa", ""); var statement = old.createStatement()) {
			statement.execute("create table kept (id int)");
		}
		var password = environment(Map.of()).getProperty("spring.datasource.password");
		assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
		try (var now = DriverManager.getConnection(url, "sa", password); var statement = now.createStatement()) {
			assertThat(statement.executeQuery("select count(*) from kept").next()).isTrue();
		}
	}

	@Test
	void anExplicitDatasourceIsLeftAlone() {
		var environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/lawtrace"));
		assertThat(environment.getProperty("spring.datasource.password")).isEmpty();
		assertThat(dataDir.resolve("db").resolve("credentials")).doesNotExist();
		var withPassword = environment(Map.of("spring.datasource.password", "given"));
		assertThat(withPassword.getProperty("spring.datasource.password")).isEqualTo("given");
		assertThat(dataDir.resolve("db").resolve("credentials")).doesNotExist();
	}

	@Test
	void knowsTheDefaultOfApplicationProperties() throws Exception {
		var properties = new java.util.Properties();
		try (var in = getClass().getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		assertThat(properties.getProperty("spring.datasource.url")).isEqualTo(EmbeddedDatabasePassword.DEFAULT_URL);
	}

	/** An environment as application.properties makes it, with these settings given on the command line. */
	private StandardEnvironment environment(Map<String, Object> given) {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("given", given));
		environment.getPropertySources().addLast(new MapPropertySource("application.properties", Map.of(
				"lawtrace.data-dir", dataDir.toString(),
				"spring.datasource.url", EmbeddedDatabasePassword.DEFAULT_URL,
				"spring.datasource.username", "sa",
				"spring.datasource.password", "")));
		new EmbeddedDatabasePassword().passwordFor(environment).ifPresent(password -> environment.getPropertySources()
			.addFirst(new MapPropertySource("made", Map.of("spring.datasource.password", password))));
		return environment;
	}
}
