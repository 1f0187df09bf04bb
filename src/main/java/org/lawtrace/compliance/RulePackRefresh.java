package org.lawtrace.compliance;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the rule pack in force the same on every instance of a cluster (issue 16): putting a pack in force counts up
 * {@code compliance_rule_pack_generation}, and each instance looks at the count every
 * {@code lawtrace.compliance.rule-pack-refresh} (10 s by default) and reads the pack again from the shared data
 * directory when the count is not the one it last saw. Deliberately not a cluster-wide job: every instance must do it.
 */
@Component
public class RulePackRefresh {

	private static final Logger log = LoggerFactory.getLogger(RulePackRefresh.class);

	private final RulePacks packs;
	private final RulePackVersions versions;
	private final JdbcClient jdbc;
	/** The count this instance's pack was read at; a reload elsewhere makes the row's count differ. */
	private volatile long seen;

	RulePackRefresh(RulePacks packs, RulePackVersions versions, JdbcClient jdbc) {
		this.packs = packs;
		this.versions = versions;
		this.jdbc = jdbc;
		// the pack was read at start, so whatever count stands now is already in force here
		this.seen = generation();
	}

	/**
	 * Reads the data directory's pack again, puts it in force here (kept among the versions, with who put it in
	 * force) and tells the other instances to do the same.
	 *
	 * @throws RulePackRefused when the pack does not load: nothing changes anywhere.
	 */
	@Transactional
	public RulePack reloadEverywhere(@Nullable StaffId by) {
		var pack = versions.reload(by);
		jdbc.sql("update compliance_rule_pack_generation set generation = generation + 1 where id = 1").update();
		seen = generation();
		return pack;
	}

	/** Puts in force here a pack another instance put in force since this one last looked. */
	@Scheduled(fixedDelayString = "${lawtrace.compliance.rule-pack-refresh:PT10S}",
			initialDelayString = "${lawtrace.compliance.rule-pack-refresh:PT10S}")
	public void refresh() {
		var now = generation();
		if (now == seen) {
			return;
		}
		try {
			var pack = packs.reload();
			log.info("Rule pack {} put in force by another instance is in force here too", pack.version());
		}
		catch (RulePackRefused e) {
			// another instance read the same file and took it; a difference means the shared folder is not shared
			log.error("Rule pack put in force by another instance refused here ({}); {} stays in force", e.getMessage(),
					packs.current().version());
		}
		seen = now;
	}

	private long generation() {
		return jdbc.sql("select generation from compliance_rule_pack_generation where id = 1").query(Long.class)
			.single();
	}
}
