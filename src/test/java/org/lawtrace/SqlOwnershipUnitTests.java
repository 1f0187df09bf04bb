package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: no module's SQL names another module's tables. Each module's tables carry its name as prefix
 * ({@code cases_case}, {@code recordings_revision}); a module that needs another's data asks its API. Modulith's
 * verification cannot see a dependency written in SQL, so this reads the code and the migrations as text.
 */
class SqlOwnershipUnitTests {

	private static final Path MAIN = Path.of("src", "main", "java", "org", "lawtrace");
	private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
	private static final Pattern TABLE = Pattern.compile(
			"(?i)\\b(?:from|join|into|update|table|exists|references|on)\\s+([a-z]+)_[a-z0-9_]+");

	@Test
	@DisplayName("no module's SQL (code or migrations) names another module's tables")
	void everyModuleQueriesOnlyItsOwnTables() throws IOException {
		var modules = modules();
		var offences = new ArrayList<String>();
		for (var module : modules) {
			for (var file : files(MAIN.resolve(module), ".java")) {
				offences.addAll(offences(module, file, modules));
			}
			if (Files.isDirectory(MIGRATIONS.resolve(module))) {
				for (var file : files(MIGRATIONS.resolve(module), ".sql")) {
					offences.addAll(offences(module, file, modules));
				}
			}
		}
		assertThat(offences).as("SQL naming another module's tables").isEmpty();
	}

	@Test
	@DisplayName("the rule finds a query that names another module's table")
	void findsAForeignTable() {
		assertThat(offences("compliance", "select id from cases_case where id > ?", Set.of("cases", "compliance")))
			.containsExactly("cases_case");
		assertThat(offences("compliance", "select id from compliance_case", Set.of("cases", "compliance"))).isEmpty();
	}

	private static List<String> offences(String module, Path file, Set<String> modules) throws IOException {
		return offences(module, Files.readString(file), modules).stream().map(t -> file + ": " + t).toList();
	}

	static List<String> offences(String module, String text, Set<String> modules) {
		var found = new ArrayList<String>();
		var m = TABLE.matcher(text);
		while (m.find()) {
			var prefix = m.group(1).toLowerCase();
			if (modules.contains(prefix) && !prefix.equals(module)) {
				found.add(m.group().replaceFirst("(?i)^\\w+\\s+", ""));
			}
		}
		return found;
	}

	private static Set<String> modules() throws IOException {
		try (Stream<Path> dirs = Files.list(MAIN)) {
			return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).collect(Collectors.toSet());
		}
	}

	private static List<Path> files(Path dir, String suffix) throws IOException {
		try (Stream<Path> all = Files.walk(dir)) {
			return all.filter(p -> p.toString().endsWith(suffix)).toList();
		}
	}
}
