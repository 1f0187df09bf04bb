package org.lawtrace.inspection;

import static org.lawtrace.inspection.SpotCheckPlans.at;
import static org.lawtrace.shared.DatabaseTime.instant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reviews of sampled records; never deleted: a saved checklist is replaced only until the review concludes. */
@Repository
class Reviews {

	private final JdbcClient jdbc;

	Reviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Review> of(UUID plan, UUID record) {
		return jdbc.sql("select * from inspection_review where plan_id = ? and record_id = ?").params(plan, record)
			.query((rs, n) -> head(rs)).optional().map(this::complete);
	}

	/**
	 * The concluded reviews, oldest first: the ledger's rows, of a unit, of an officer and concluded from {@code from}
	 * (included) until {@code until} (excluded) where those are given.
	 */
	List<Review> concluded(@Nullable UUID unit, @Nullable UUID officer, @Nullable Instant from,
			@Nullable Instant until) {
		var where = new StringBuilder("conclusion is not null");
		var params = new ArrayList<Object>();
		if (unit != null) {
			where.append(" and unit_id = ?");
			params.add(unit);
		}
		if (officer != null) {
			where.append(" and officer = ?");
			params.add(officer);
		}
		if (from != null) {
			where.append(" and concluded_at >= ?");
			params.add(at(from));
		}
		if (until != null) {
			where.append(" and concluded_at < ?");
			params.add(at(until));
		}
		return jdbc.sql("select * from inspection_review where " + where + " order by concluded_at, id").params(params)
			.query((rs, n) -> head(rs)).list().stream().map(this::complete).toList();
	}

	/** The reviews of the plan's records, concluded or not. */
	List<Review> ofPlan(UUID plan) {
		return jdbc.sql("select * from inspection_review where plan_id = ? order by started_at, id").param(plan)
			.query((rs, n) -> head(rs)).list().stream().map(this::complete).toList();
	}

	void start(Review r) {
		jdbc.sql("""
				insert into inspection_review (id, plan_id, record_id, inspector, officer, unit_id, started_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id(), r.planId(), r.recordId(), r.inspector().id(), r.officer().id(), r.unit().id(),
					at(r.startedAt()))
			.update();
	}

	void save(UUID review, StaffId inspector, List<Review.Item> items, @Nullable Conclusion conclusion,
			@Nullable String reasons, @Nullable Instant concludedAt) {
		jdbc.sql("delete from inspection_review_item where review_id = ?").param(review).update();
		for (var item : items) {
			jdbc.sql("insert into inspection_review_item (review_id, position, text, verdict, note) values (?, ?, ?, ?, ?)")
				.params(review, item.position(), item.text(), item.verdict().name(), item.note()).update();
		}
		jdbc.sql("""
				update inspection_review set inspector = ?, conclusion = ?, reasons = ?, concluded_at = ? where id = ?""")
			.params(inspector.id(), conclusion == null ? null : conclusion.name(), reasons,
					concludedAt == null ? null : at(concludedAt), review)
			.update();
	}

	void note(UUID review, Review.Note note) {
		jdbc.sql("""
				insert into inspection_review_note (id, review_id, at_seconds, text, written_by, written_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(note.id(), review, note.atSeconds(), note.text(), note.writtenBy().id(), at(note.writtenAt()))
			.update();
	}

	private Review complete(Review head) {
		var items = jdbc.sql("select * from inspection_review_item where review_id = ? order by position")
			.param(head.id())
			.query((rs, n) -> new Review.Item(rs.getInt("position"), rs.getString("text"),
					Verdict.valueOf(rs.getString("verdict")), rs.getString("note")))
			.list();
		var notes = jdbc.sql("select * from inspection_review_note where review_id = ? order by at_seconds, written_at")
			.param(head.id())
			.query((rs, n) -> new Review.Note(rs.getObject("id", UUID.class), rs.getInt("at_seconds"),
					rs.getString("text"), new StaffId(rs.getObject("written_by", UUID.class)),
					instant(rs.getObject("written_at", OffsetDateTime.class))))
			.list();
		return new Review(head.id(), head.planId(), head.recordId(), head.inspector(), head.officer(), head.unit(), items,
				notes, head.conclusion(), head.reasons(), head.startedAt(), head.concludedAt());
	}

	private static Review head(java.sql.ResultSet rs) throws java.sql.SQLException {
		var conclusion = rs.getString("conclusion");
		var concludedAt = rs.getObject("concluded_at", OffsetDateTime.class);
		return new Review(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
				rs.getObject("record_id", UUID.class), new StaffId(rs.getObject("inspector", UUID.class)),
				new StaffId(rs.getObject("officer", UUID.class)), new UnitId(rs.getObject("unit_id", UUID.class)),
				List.of(), List.of(), conclusion == null ? null : Conclusion.valueOf(conclusion),
				rs.getString("reasons"), instant(rs.getObject("started_at", OffsetDateTime.class)),
				concludedAt == null ? null : concludedAt.toInstant());
	}
}
