package org.lawtrace.compliance;

import java.util.List;

/**
 * A versioned set of rules (规则包): which checks apply, under which article, to which stage kinds, with which
 * thresholds. Every finding records the version it was judged under, so a record can be judged by the rules in
 * force when it was made (REQUIREMENTS chapter 8).
 */
public record RulePack(String version, List<Rule> rules, String source) {

	public RulePack {
		rules = List.copyOf(rules);
	}

	List<Rule> of(Check check) {
		return rules.stream().filter(r -> r.check() == check).toList();
	}
}
