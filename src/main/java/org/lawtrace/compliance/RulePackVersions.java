package org.lawtrace.compliance;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every rule pack version ever in force, by the SHA-256 of its bytes (Chapter 8: findings judged honestly): the
 * version, where it came from, its text, when and by whom it was put in force. A case is judged under the pack in
 * force when it was first judged; an older pack is parsed again from its kept text when a case needs it.
 */
@Repository
public class RulePackVersions {

	private final JdbcClient jdbc;
	private final RulePacks packs;
	private final BureauTime time;
	private final Map<String, RulePack> parsed = new ConcurrentHashMap<>();
	/** The digests this instance knows are kept: every judgement asks for the pack in force, the database once. */
	private final Set<String> kept = ConcurrentHashMap.newKeySet();

	RulePackVersions(JdbcClient jdbc, RulePacks packs, BureauTime time) {
		this.jdbc = jdbc;
		this.packs = packs;
		this.time = time;
	}

	/** A pack version as kept: its digest, version, source, when it was put in force and by whom (null: at start). */
	public record Version(String digest, String version, String source, Instant loadedAt, @Nullable StaffId loadedBy) {
	}

	/** The pack in force at start-up is kept before any case is judged under it. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void keepAtStart() {
		keep(packs.loaded(), null);
	}

	/** Puts the data directory's pack in force and keeps it, naming who did. */
	public RulePack reload(@Nullable StaffId by) {
		packs.reload();
		var loaded = packs.loaded();
		keep(loaded, by);
		return loaded.pack();
	}

	/** The digest of the pack in force, kept. */
	String currentDigest() {
		var loaded = packs.loaded();
		keep(loaded, null);
		return loaded.digest();
	}

	/** The pack of a digest: the one in force, one parsed before, or parsed again from its kept text. */
	RulePack pack(String digest) {
		var loaded = packs.loaded();
		if (loaded.digest().equals(digest)) {
			return loaded.pack();
		}
		return parsed.computeIfAbsent(digest, d -> jdbc.sql("select content, source from compliance_rule_pack where digest = ?")
			.param(d).query((rs, n) -> RulePacks.parse(rs.getString(1), rs.getString(2))).optional()
			.orElseThrow(() -> new IllegalStateException("rule pack " + d + " is not kept")));
	}

	/** Every version kept, the newest first. */
	public List<Version> all() {
		return jdbc.sql("select digest, version, source, loaded_at, loaded_by from compliance_rule_pack "
				+ "order by loaded_at desc")
			.query((rs, n) -> {
				var by = rs.getObject("loaded_by", UUID.class);
				return new Version(rs.getString("digest").strip(), rs.getString("version"), rs.getString("source"),
						instant(rs.getObject("loaded_at", OffsetDateTime.class)), by == null ? null : new StaffId(by));
			})
			.list();
	}

	Optional<Version> byDigest(String digest) {
		return all().stream().filter(v -> v.digest().equals(digest)).findFirst();
	}

	// one JVM's threads keep a pack one at a time, so none fails on another's row (on PostgreSQL a failed insert
	// would spoil a surrounding transaction); callers keep a pack before they open theirs
	private synchronized void keep(RulePacks.Loaded loaded, @Nullable StaffId by) {
		if (kept.contains(loaded.digest())) {
			return;
		}
		var known = jdbc.sql("select count(*) from compliance_rule_pack where digest = ?").param(loaded.digest())
			.query(Long.class).single();
		if (known > 0) {
			remember(loaded.digest());
			return;
		}
		try {
			jdbc.sql("""
					insert into compliance_rule_pack (digest, version, source, content, loaded_at, loaded_by)
					values (?, ?, ?, ?, ?, ?)""")
				.params(loaded.digest(), loaded.pack().version(), truncate(loaded.pack().source(), 500),
						loaded.content(), utc(time.now()), by == null ? null : by.id())
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException raced) {
			// another instance, or another thread, kept it first: the same bytes, the same pack
		}
		remember(loaded.digest());
	}

	/** Remembers a digest as kept once the row is there for good: after the surrounding transaction commits. */
	private void remember(String digest) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			kept.add(digest);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				kept.add(digest);
			}
		});
	}

	private static String truncate(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}
}
