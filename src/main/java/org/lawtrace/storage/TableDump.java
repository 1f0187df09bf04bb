package org.lawtrace.storage;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * A dump of every table of the database, and its loading into an empty one of either kind (H2 or PostgreSQL) after
 * Flyway has made the same tables there: one JSON Lines file per table (each row an array of its column values) and
 * a manifest with the columns and row counts, in one zip.
 * <p>
 * Why the storage module may read every module's tables here: the dump is generic. Tables are found through
 * {@link java.sql.DatabaseMetaData} (whatever the current schema holds: records, audit entries, checkpoints, this
 * module's queue), never named in SQL, so no module's data is interpreted here and the module boundaries
 * ({@code SqlOwnershipUnitTests}) hold: what goes off-site is the database as a whole, as a backup must be.
 */
final class TableDump {

	static final String MANIFEST = "manifest.json";
	static final String FORMAT = "lawtrace-table-dump/1";
	/** Flyway keeps its own history in the target; the export's is only compared with it. */
	static final String FLYWAY_HISTORY = "flyway_schema_history";
	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int BATCH = 500;

	private TableDump() {
	}

	record Column(String name, int type, String typeName) {
	}

	record Table(String name, List<Column> columns, long rows) {
	}

	record Manifest(String format, String exportedAt, String database, List<Table> tables) {

		long rows() {
			return tables.stream().mapToLong(Table::rows).sum();
		}
	}

	/** Writes every table of the connection's current schema; run it in one repeatable-read transaction. */
	static Manifest write(Connection connection, ZipOutputStream zip, String exportedAt) throws SQLException, IOException {
		var tables = new ArrayList<Table>();
		for (var name : tables(connection)) {
			List<Column> columns = List.of();
			zip.putNextEntry(new ZipEntry("tables/" + name + ".jsonl"));
			var out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
			long rows = 0;
			try (var statement = connection.createStatement()) {
				statement.setFetchSize(BATCH);
				try (var result = statement.executeQuery("select * from " + quote(name))) {
					var meta = result.getMetaData();
					var row = new ArrayList<@Nullable Object>(meta.getColumnCount());
					while (result.next()) {
						row.clear();
						for (var i = 1; i <= meta.getColumnCount(); i++) {
							row.add("uuid".equalsIgnoreCase(meta.getColumnTypeName(i)) ? string(result.getObject(i, UUID.class))
									: value(result, i, meta.getColumnType(i)));
						}
						out.write(JSON.writeValueAsString(row));
						out.write('\n');
						rows++;
					}
					// the order of the dump's columns is the result's, which is the table's
					columns = new ArrayList<>();
					for (var i = 1; i <= meta.getColumnCount(); i++) {
						columns.add(new Column(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnType(i),
								meta.getColumnTypeName(i)));
					}
				}
			}
			out.flush();
			zip.closeEntry();
			tables.add(new Table(name, columns, rows));
		}
		var manifest = new Manifest(FORMAT, exportedAt, connection.getMetaData().getDatabaseProductName() + " "
				+ connection.getMetaData().getDatabaseProductVersion(), tables);
		zip.putNextEntry(new ZipEntry(MANIFEST));
		zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
		zip.closeEntry();
		return manifest;
	}

	static Manifest manifest(ZipFile zip) throws IOException {
		var entry = zip.getEntry(MANIFEST);
		if (entry == null) {
			throw new IOException("not a LawTrace metadata export: no " + MANIFEST);
		}
		try (var in = zip.getInputStream(entry)) {
			var manifest = JSON.readValue(in, Manifest.class);
			if (!FORMAT.equals(manifest.format())) {
				throw new IOException("unknown export format " + manifest.format());
			}
			return manifest;
		}
	}

	/** What a load did: rows per table, and the export's tables the target has no table for. */
	record Loaded(Map<String, Long> rows, List<String> skipped) {

		long total() {
			return rows.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/**
	 * Loads a dump into the connection's schema, which Flyway has just made: rows the migrations put in (reference
	 * data the dump holds too) are replaced, parents are loaded before the rows that reference them. One transaction:
	 * all or nothing.
	 */
	static Loaded load(Connection connection, ZipFile zip) throws SQLException, IOException {
		var manifest = manifest(zip);
		var present = new HashSet<>(tables(connection));
		var skipped = new ArrayList<String>();
		var toLoad = new ArrayList<Table>();
		for (var table : manifest.tables()) {
			if (table.name().equals(FLYWAY_HISTORY)) {
				continue;
			}
			if (present.contains(table.name())) {
				toLoad.add(table);
			}
			else {
				skipped.add(table.name());
			}
		}
		var names = toLoad.stream().map(Table::name).toList();
		var order = parentsFirst(connection, names);
		var autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		var rows = new LinkedHashMap<String, Long>();
		try {
			var reversed = new ArrayList<>(order);
			java.util.Collections.reverse(reversed);
			for (var name : reversed) {
				try (var statement = connection.createStatement()) {
					statement.executeUpdate("delete from " + quote(name));
				}
			}
			var byName = new HashMap<String, Table>();
			toLoad.forEach(t -> byName.put(t.name(), t));
			for (var name : order) {
				rows.put(name, loadTable(connection, zip, byName.get(name)));
			}
			connection.commit();
		}
		catch (SQLException | IOException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
		return new Loaded(rows, skipped);
	}

	/** The successful Flyway versions a dump was made at, to compare with the target's. */
	static Set<String> flywayVersions(ZipFile zip) throws IOException {
		var manifest = manifest(zip);
		var versions = new LinkedHashSet<String>();
		for (var table : manifest.tables()) {
			if (!table.name().equals(FLYWAY_HISTORY)) {
				continue;
			}
			var version = index(table, "version");
			var success = index(table, "success");
			for (var row : rows(zip, table.name())) {
				if (version >= 0 && row.get(version) != null && (success < 0 || Boolean.TRUE.equals(row.get(success)))) {
					versions.add(String.valueOf(row.get(version)));
				}
			}
		}
		return versions;
	}

	static List<String> tables(Connection connection) throws SQLException {
		var found = new ArrayList<String>();
		try (var result = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
				new String[] { "TABLE", "BASE TABLE" })) {
			while (result.next()) {
				var name = result.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (IDENTIFIER.matcher(name).matches()) {
					found.add(name);
				}
			}
		}
		found.sort(null);
		return found;
	}

	private static long loadTable(Connection connection, ZipFile zip, Table table) throws SQLException, IOException {
		var target = columns(connection, table.name());
		var exported = table.columns().stream().map(Column::name).toList();
		var missing = exported.stream().filter(c -> !target.containsKey(c)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("table " + table.name() + " has no column(s) " + missing
					+ " here: the export was made by a newer LawTrace");
		}
		var names = String.join(", ", exported.stream().map(TableDump::quote).toList());
		var marks = String.join(", ", exported.stream().map(c -> "?").toList());
		var rows = rows(zip, table.name());
		rows = parentsFirst(connection, table.name(), exported, rows);
		long count = 0;
		try (var insert = connection.prepareStatement(
				"insert into " + quote(table.name()) + " (" + names + ") values (" + marks + ")")) {
			for (var row : rows) {
				for (var i = 0; i < exported.size(); i++) {
					bind(insert, i + 1, row.get(i), target.get(exported.get(i)));
				}
				insert.addBatch();
				if (++count % BATCH == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
		if (count != table.rows()) {
			throw new IllegalStateException("table " + table.name() + ": the manifest says " + table.rows()
					+ " rows, the dump holds " + count);
		}
		return count;
	}

	@SuppressWarnings("unchecked")
	private static List<List<@Nullable Object>> rows(ZipFile zip, String table) throws IOException {
		var entry = zip.getEntry("tables/" + table + ".jsonl");
		if (entry == null) {
			throw new IOException("the export lacks the rows of " + table);
		}
		var rows = new ArrayList<List<@Nullable Object>>();
		try (var reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isEmpty()) {
					rows.add(JSON.readValue(line, List.class));
				}
			}
		}
		return rows;
	}

	/** The rows of one exported table, each by column name; empty when the export has no such table. */
	static List<Map<String, @Nullable Object>> rowsOf(ZipFile zip, String name) throws IOException {
		var table = manifest(zip).tables().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
		if (table == null) {
			return List.of();
		}
		var result = new ArrayList<Map<String, @Nullable Object>>();
		for (var row : rows(zip, name)) {
			var byName = new HashMap<String, @Nullable Object>();
			for (var i = 0; i < table.columns().size(); i++) {
				byName.put(table.columns().get(i).name(), row.get(i));
			}
			result.add(byName);
		}
		return result;
	}

	private static int index(Table table, String column) {
		for (var i = 0; i < table.columns().size(); i++) {
			if (table.columns().get(i).name().equals(column)) {
				return i;
			}
		}
		return -1;
	}

	/** A table's columns here, by name. */
	private static Map<String, Column> columns(Connection connection, String table) throws SQLException {
		var found = new LinkedHashMap<String, Column>();
		try (var result = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(),
				table, "%")) {
			while (result.next()) {
				var name = result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
				found.put(name, new Column(name, result.getInt("DATA_TYPE"), result.getString("TYPE_NAME")));
			}
		}
		return found;
	}

	/** Orders tables so that a table comes after every other table it references. */
	private static List<String> parentsFirst(Connection connection, List<String> tables) throws SQLException {
		var parents = new HashMap<String, Set<String>>();
		var meta = connection.getMetaData();
		for (var table : tables) {
			var of = new HashSet<String>();
			try (var keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
				while (keys.next()) {
					var parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
					if (!parent.equals(table) && tables.contains(parent)) {
						of.add(parent);
					}
				}
			}
			parents.put(table, of);
		}
		var ordered = new ArrayList<String>();
		var done = new HashSet<String>();
		var pending = new ArrayDeque<>(tables);
		var stalled = 0;
		while (!pending.isEmpty()) {
			var table = pending.poll();
			if (done.containsAll(parents.get(table))) {
				ordered.add(table);
				done.add(table);
				stalled = 0;
			}
			else {
				pending.add(table);
				if (++stalled > pending.size()) {
					throw new IllegalStateException("tables reference each other in a cycle: " + pending);
				}
			}
		}
		return ordered;
	}

	/** Rows of a table that references itself (a unit's parent unit), ordered so that parents come first. */
	private static List<List<@Nullable Object>> parentsFirst(Connection connection, String table, List<String> columns,
			List<List<@Nullable Object>> rows) throws SQLException {
		String child = null;
		String parent = null;
		try (var keys = connection.getMetaData().getImportedKeys(connection.getCatalog(), connection.getSchema(),
				table)) {
			while (keys.next()) {
				if (keys.getString("PKTABLE_NAME").equalsIgnoreCase(table)) {
					child = keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
					parent = keys.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT);
				}
			}
		}
		if (child == null) {
			return rows;
		}
		var childIndex = columns.indexOf(child);
		var parentIndex = columns.indexOf(parent);
		var loaded = new HashSet<@Nullable Object>();
		var ordered = new ArrayList<List<@Nullable Object>>();
		var pending = new ArrayList<>(rows);
		while (!pending.isEmpty()) {
			var before = pending.size();
			for (var iterator = pending.iterator(); iterator.hasNext();) {
				var row = iterator.next();
				var reference = row.get(childIndex);
				if (reference == null || loaded.contains(reference) || reference.equals(row.get(parentIndex))) {
					ordered.add(row);
					loaded.add(row.get(parentIndex));
					iterator.remove();
				}
			}
			if (pending.size() == before) {
				// references to rows outside the dump: let the database judge them
				ordered.addAll(pending);
				break;
			}
		}
		return ordered;
	}

	private static @Nullable Object value(ResultSet result, int column, int type) throws SQLException {
		return switch (type) {
			case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
				var value = result.getLong(column);
				yield result.wasNull() ? null : value;
			}
			case Types.BOOLEAN, Types.BIT -> {
				var value = result.getBoolean(column);
				yield result.wasNull() ? null : value;
			}
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
				var bytes = result.getBytes(column);
				yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
			}
			case Types.TIMESTAMP_WITH_TIMEZONE -> string(result.getObject(column, OffsetDateTime.class));
			case Types.TIMESTAMP -> timestamp(result, column);
			case Types.DATE -> string(result.getObject(column, LocalDate.class));
			case Types.TIME -> string(result.getObject(column, LocalTime.class));
			case Types.NUMERIC, Types.DECIMAL -> {
				var value = result.getBigDecimal(column);
				yield value == null ? null : value.toPlainString();
			}
			default -> {
				var value = result.getObject(column);
				yield value == null ? null : value instanceof UUID uuid ? uuid.toString() : result.getString(column);
			}
		};
	}

	/** PostgreSQL reports {@code timestamptz} as TIMESTAMP; its type name tells them apart. */
	private static @Nullable Object timestamp(ResultSet result, int column) throws SQLException {
		var typeName = result.getMetaData().getColumnTypeName(column).toLowerCase(Locale.ROOT);
		if (typeName.contains("tz") || typeName.contains("time zone")) {
			return string(result.getObject(column, OffsetDateTime.class));
		}
		return string(result.getObject(column, LocalDateTime.class));
	}

	private static @Nullable String string(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

	private static void bind(PreparedStatement insert, int index, @Nullable Object value, Column column)
			throws SQLException {
		if (value == null) {
			insert.setNull(index, column.type());
			return;
		}
		var typeName = column.typeName().toLowerCase(Locale.ROOT);
		var text = String.valueOf(value);
		if (typeName.equals("uuid")) {
			insert.setObject(index, UUID.fromString(text));
			return;
		}
		switch (column.type()) {
			case Types.BIGINT -> insert.setLong(index, ((Number) value).longValue());
			case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> insert.setInt(index, ((Number) value).intValue());
			case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, (Boolean) value);
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
				insert.setBytes(index, Base64.getDecoder().decode(text));
			case Types.TIMESTAMP_WITH_TIMEZONE -> insert.setObject(index, OffsetDateTime.parse(text));
			case Types.TIMESTAMP -> {
				if (typeName.contains("tz") || typeName.contains("time zone")) {
					insert.setObject(index, OffsetDateTime.parse(text));
				}
				else {
					insert.setObject(index, LocalDateTime.parse(text));
				}
			}
			case Types.DATE -> insert.setObject(index, LocalDate.parse(text));
			case Types.TIME -> insert.setObject(index, LocalTime.parse(text));
			case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(index, new BigDecimal(text));
			case Types.DOUBLE, Types.FLOAT -> insert.setDouble(index, Double.parseDouble(text));
			case Types.REAL -> insert.setFloat(index, Float.parseFloat(text));
			case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR ->
				insert.setString(index, text);
			default -> insert.setObject(index, text, column.type());
		}
	}

	static String quote(String identifier) {
		if (!IDENTIFIER.matcher(identifier).matches()) {
			throw new IllegalArgumentException("not a plain identifier: " + identifier);
		}
		return '"' + identifier + '"';
	}

	static void requireReadable(ZipFile zip) {
		try {
			manifest(zip);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
