package org.lawtrace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.staff.Role;

/**
 * The authorization matrix (ART-20, issue 11): one row per route (HTTP method and path template, as
 * {@code /v3/api-docs} or the page's mapping names it), one column per {@link Role} plus {@code anonymous}, each
 * cell the outcome expected when a demo account of that role calls the route on a record of a case it does not
 * handle. Read from {@code src/test/resources/authorization-matrix.csv}; {@code #} starts a comment line.
 *
 * <p>
 * Outcomes: {@code allow} (the gate let the caller through: any answer but 401, 403, 404 and a redirect to the
 * login page, e.g. 400 for the empty body the matrix sends), {@code 403}, {@code 404}, {@code 401} (anonymous API
 * call) and {@code login} (anonymous page: redirect to the login page). A cell {@code 404*4} is a target the code
 * on this branch does not meet yet: finding 4 of issue 11 will make it so; such a cell is reported, not failed.
 */
public final class AuthorizationMatrix {

	public static final String RESOURCE = "/authorization-matrix.csv";
	public static final String ANONYMOUS = "anonymous";
	public static final Set<String> OUTCOMES = Set.of("allow", "401", "403", "404", "login");
	public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
	private static final Pattern CELL = Pattern.compile("(allow|401|403|404|login)(?:\\*(\\d+))?");

	/** An expected outcome, and when the code does not meet it yet, the issue's finding that will. */
	public record Cell(String outcome, @Nullable Integer finding) {

		public boolean knownGap() {
			return finding != null;
		}

		@Override
		public String toString() {
			return finding == null ? outcome : outcome + "*" + finding;
		}
	}

	/** One route and what each caller gets. */
	public record Row(int line, String method, String path, Map<String, Cell> cells) {

		public String route() {
			return method + " " + path;
		}

		public boolean api() {
			return path.startsWith("/api/");
		}
	}

	private final List<String> columns;
	private final List<Row> rows;

	private AuthorizationMatrix(List<String> columns, List<Row> rows) {
		this.columns = columns;
		this.rows = rows;
	}

	/** The callers the matrix knows: every role, then {@code anonymous}. */
	public static List<String> callers() {
		var callers = new ArrayList<String>();
		Arrays.stream(Role.values()).map(Role::name).forEach(callers::add);
		callers.add(ANONYMOUS);
		return callers;
	}

	public static AuthorizationMatrix load() {
		try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the test class path");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Parses the table, refusing (with the line) anything that is not well-formed. */
	public static AuthorizationMatrix parse(String text) {
		List<String> columns = null;
		var rows = new ArrayList<Row>();
		var seen = new java.util.HashSet<String>();
		var lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			var line = lines[i].strip();
			int number = i + 1;
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			var fields = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
			if (columns == null) {
				if (fields.size() < 2 || !fields.get(0).equals("method") || !fields.get(1).equals("path")) {
					throw new IllegalArgumentException("line " + number + ": the header must start with method,path");
				}
				columns = fields.subList(2, fields.size());
				var expected = callers();
				if (!columns.equals(expected)) {
					throw new IllegalArgumentException("line " + number + ": the columns must be " + expected
							+ " in this order, not " + columns);
				}
				continue;
			}
			if (fields.size() != columns.size() + 2) {
				throw new IllegalArgumentException("line " + number + ": " + fields.size() + " fields, the header has "
						+ (columns.size() + 2));
			}
			var method = fields.get(0);
			var path = fields.get(1);
			if (!METHODS.contains(method)) {
				throw new IllegalArgumentException("line " + number + ": unknown method " + method);
			}
			if (!path.startsWith("/")) {
				throw new IllegalArgumentException("line " + number + ": the path must start with /: " + path);
			}
			if (!seen.add(method + " " + path)) {
				throw new IllegalArgumentException("line " + number + ": " + method + " " + path + " has two rows");
			}
			var cells = new LinkedHashMap<String, Cell>();
			for (int c = 0; c < columns.size(); c++) {
				var text2 = fields.get(c + 2);
				var matcher = CELL.matcher(text2);
				if (!matcher.matches()) {
					throw new IllegalArgumentException("line " + number + ", column " + columns.get(c)
							+ ": not an outcome: '" + text2 + "' (allow, 401, 403, 404 or login, optionally *finding)");
				}
				cells.put(columns.get(c),
						new Cell(matcher.group(1), matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2))));
			}
			var anonymous = cells.get(ANONYMOUS).outcome();
			var expectedAnonymous = path.startsWith("/api/") ? "401" : "login";
			if (!anonymous.equals(expectedAnonymous) && !path.equals("/login")) {
				throw new IllegalArgumentException("line " + number + ": an anonymous caller of " + path + " gets "
						+ expectedAnonymous + ", not " + anonymous);
			}
			rows.add(new Row(number, method, path, Map.copyOf(cells)));
		}
		if (columns == null) {
			throw new IllegalArgumentException("the matrix has no header");
		}
		return new AuthorizationMatrix(List.copyOf(columns), List.copyOf(rows));
	}

	public List<String> columns() {
		return columns;
	}

	public List<Row> rows() {
		return rows;
	}
}
