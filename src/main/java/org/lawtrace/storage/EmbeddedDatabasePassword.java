package org.lawtrace.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives the embedded H2 database a random password instead of user {@code sa} with none (GB/T 22239-2019 身份鉴别).
 * On the first start the password is made and kept in {@code <data-dir>/db/credentials}, readable by the owner only
 * (0600); H2 creates a new database with it, and an existing database made with the empty password of earlier
 * versions has it set ({@code ALTER USER}) before the application opens it. It is applied to the bound datasource
 * settings, after every property source (command line, test initializers) has had its say. Only the default embedded database is
 * concerned: an explicit {@code spring.datasource.url}, username or password wins. The file lives in the data
 * directory beside the blob store, which is why this module keeps it.
 */
@Component
class EmbeddedDatabasePassword implements BeanPostProcessor, EnvironmentAware {

	/** The embedded database of {@code application.properties}; any other URL is left alone. */
	static final String DEFAULT_URL = "jdbc:h2:file:${lawtrace.data-dir}/db/lawtrace;MODE=PostgreSQL;"
			+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
	static final String USER = "sa";
	static final String FILE = "credentials";
	private static final String PENDING = "credentials.new";
	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabasePassword.class);

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	/** Once the datasource settings are bound, and before the pool opens the database. */
	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSourceProperties properties && environment != null) {
			passwordFor(environment).ifPresent(properties::setPassword);
		}
		return bean;
	}

	/** The embedded database's password, if the default embedded database is in use without one given. */
	Optional<String> passwordFor(Environment environment) {
		var url = environment.getProperty("spring.datasource.url");
		if (url == null || !url.equals(environment.resolvePlaceholders(DEFAULT_URL))
				|| !USER.equalsIgnoreCase(environment.getProperty("spring.datasource.username", USER))
				|| !environment.getProperty("spring.datasource.password", "").isEmpty()) {
			return Optional.empty();
		}
		var directory = Path.of(environment.getProperty("lawtrace.data-dir", "./data"), "db");
		return Optional.of(password(directory, url));
	}

	/** The password kept in the data directory; made (and set on an existing database) when there is none. */
	String password(Path directory, String url) {
		var kept = read(directory.resolve(FILE));
		if (kept != null) {
			return kept;
		}
		try {
			createOwnerOnlyDirectory(directory);
			var pending = directory.resolve(PENDING);
			var password = read(pending);
			if (password == null) {
				password = HexFormat.of().formatHex(random());
				write(pending, password);
			}
			if (Files.exists(directory.resolve("lawtrace.mv.db"))) {
				setOn(url, password);
				log.warn("The embedded database had no password; it now has one, kept in {}", directory.resolve(FILE));
			}
			else {
				log.info("The new embedded database gets a random password, kept in {}", directory.resolve(FILE));
			}
			Files.move(pending, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
			// the name must survive a power cut before the database that needs it is made or changed
			syncDirectory(directory);
			return password;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the embedded database's password in " + directory, e);
		}
	}

	private static byte[] random() {
		var bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	/** An existing database made with the empty password gets this one (or has it already, after an interruption). */
	private static void setOn(String url, String password) {
		try (var connection = DriverManager.getConnection(url, USER, "");
				var statement = connection.createStatement()) {
			statement.execute("alter user " + USER + " set password '" + password + "'");
		}
		catch (SQLException empty) {
			try (var connection = DriverManager.getConnection(url, USER, password)) {
				// set by an earlier start that stopped before keeping the file
			}
			catch (SQLException e) {
				throw new IllegalStateException("The embedded database at " + url + " refuses the empty password and "
						+ "has no " + FILE + " file; give its password with --spring.datasource.password", e);
			}
		}
	}

	private static @Nullable String read(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			var properties = new Properties();
			properties.load(in);
			var password = properties.getProperty("password");
			return password == null || password.isBlank() ? null : password.strip();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the embedded database's password from " + file, e);
		}
	}

	private static void write(Path file, String password) throws IOException {
		Files.deleteIfExists(file);
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(file);
		}
		try (var channel = FileChannel.open(file, StandardOpenOption.WRITE);
				Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
			out.write("# the embedded H2 database's password for user " + USER + "; keep this file owner-only\n");
			out.write("password=" + password + "\n");
			out.flush();
			// a power cut must not leave the name with no content: the database would then refuse every start
			channel.force(true);
		}
	}

	private static void syncDirectory(Path directory) {
		try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException e) {
			// Windows cannot open a directory as a channel; NTFS journals the rename instead
		}
	}

	private static void createOwnerOnlyDirectory(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		try {
			Files.createDirectories(directory,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createDirectories(directory);
		}
		catch (FileAlreadyExistsException raced) {
			// made by another process meanwhile
		}
	}
}
