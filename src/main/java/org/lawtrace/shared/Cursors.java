package org.lawtrace.shared;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reading a whole table in one pass, as the rows are walked, instead of range by range: a module's bulk read that
 * returns a {@link Stream} runs its query through {@link #template}, whose fetch size makes PostgreSQL send the rows a
 * thousand at a time (only inside a transaction: the caller opens one, read-only and repeatable read so that several
 * such streams see one snapshot, and closes each stream). Streams of rows that belong to a parent (a case's stages,
 * its recordings) are sorted by the parent's id and walked beside the parents' stream with {@link Children}, which
 * compares ids as both databases order them ({@link #UUID_ORDER}).
 */
public final class Cursors {

	/** Rows PostgreSQL sends per round trip of a streamed query. */
	public static final int FETCH_SIZE = 1000;

	/**
	 * Ids in the order PostgreSQL and H2 sort a uuid column: the 16 bytes unsigned, most significant first
	 * ({@link UUID#compareTo} compares signed halves and would disagree).
	 */
	public static final Comparator<UUID> UUID_ORDER = (a, b) -> {
		var high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	};

	private Cursors() {
	}

	/**
	 * A template whose queries stream their rows ({@link JdbcTemplate#queryForStream}). On PostgreSQL each such
	 * query also asks for its rows in binary form: ids, times and numbers then come as bytes to copy rather than text
	 * to parse (a one-off query otherwise gets text, and parsing it was most of a full run's reading time).
	 */
	public static JdbcTemplate template(DataSource dataSource) {
		var template = new JdbcTemplate(dataSource) {

			@Override
			protected void applyStatementSettings(Statement statement) throws SQLException {
				super.applyStatementSettings(statement);
				if (statement.isWrapperFor(PGStatement.class)) {
					// pgjdbc: a negative threshold prepares on the server at once and forces binary transfer
					statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
				}
			}
		};
		template.setFetchSize(FETCH_SIZE);
		return template;
	}

	/**
	 * Walks a stream of child rows sorted by their parent's id beside the parents, sorted the same way: each call of
	 * {@link #of} takes the children of the next parent. A child whose parent is not in the parents' stream (it
	 * cannot be, inside one snapshot) is skipped rather than holding up the children after it.
	 */
	public static final class Children<T> {

		private final Iterator<T> rows;
		private final Function<T, UUID> parent;
		private @Nullable T next;

		public Children(Stream<T> rows, Function<T, UUID> parent) {
			this.rows = rows.iterator();
			this.parent = parent;
			this.next = this.rows.hasNext() ? this.rows.next() : null;
		}

		/** The children of {@code id}, which must not come before any parent asked for already. */
		public List<T> of(UUID id) {
			List<T> found = null;
			while (next != null) {
				var order = UUID_ORDER.compare(parent.apply(next), id);
				if (order > 0) {
					break;
				}
				if (order == 0) {
					if (found == null) {
						found = new ArrayList<>();
					}
					found.add(next);
				}
				next = rows.hasNext() ? rows.next() : null;
			}
			return found == null ? List.of() : found;
		}
	}
}
