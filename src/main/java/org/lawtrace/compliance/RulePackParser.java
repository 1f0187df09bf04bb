package org.lawtrace.compliance;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.lawtrace.cases.StageKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rule pack from YAML. It works on SnakeYAML's node tree rather than on plain maps, because the nodes
 * keep their marks: every refusal names the line at fault. Anything unknown (a key, a check, a stage kind, a
 * setting) is refused rather than ignored, since a misspelt rule that silently checks nothing is worse than no
 * pack at all.
 */
final class RulePackParser {

	private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,59}");
	private static final Pattern ARTICLE = Pattern.compile("ART-\\d{2}(\\.\\d+|\\(\\d+\\))?");
	private static final Set<String> TOP = Set.of("version", "description", "rules");
	private static final Set<String> RULE_KEYS = Set.of("id", "check", "article", "severity", "partial-severity",
			"stages", "settings", "fix-days", "description", "documents");

	private RulePackParser() {
	}

	static RulePack parse(Reader yaml, String source) {
		Node root;
		try {
			var options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			root = new Yaml(options).compose(yaml);
		}
		catch (MarkedYAMLException e) {
			var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			throw new RulePackRefused(mark == null ? 1 : mark.getLine() + 1,
					"not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()));
		}
		catch (YAMLException e) {
			throw new RulePackRefused(1, "not valid YAML: " + e.getMessage());
		}
		if (root == null) {
			throw new RulePackRefused(1, "the pack is empty");
		}
		var top = mapping(root, "the pack", TOP);
		var version = scalar(required(top, "version", root), "version");
		if (version.isBlank() || version.length() > 60) {
			throw refused(top.get("version"), "version must be 1 to 60 characters");
		}
		var rulesNode = required(top, "rules", root);
		if (!(rulesNode instanceof SequenceNode list) || list.getValue().isEmpty()) {
			throw refused(rulesNode, "rules must be a non-empty list");
		}
		var rules = new ArrayList<Rule>();
		var ids = new HashSet<String>();
		for (var node : list.getValue()) {
			var rule = rule(node);
			if (!ids.add(rule.id())) {
				throw refused(node, "rule id " + rule.id() + " is used twice");
			}
			rules.add(rule);
		}
		return new RulePack(version, rules, source);
	}

	private static Rule rule(Node node) {
		var keys = mapping(node, "a rule", RULE_KEYS);
		var id = scalar(required(keys, "id", node), "id");
		if (!ID.matcher(id).matches()) {
			throw refused(keys.get("id"), "rule id '" + id + "' must be upper-case letters, digits, '.' or '-'");
		}
		var checkName = scalar(required(keys, "check", node), "check");
		var check = Check.named(checkName)
			.orElseThrow(() -> refused(keys.get("check"), "unknown check '" + checkName + "' in rule " + id
					+ "; known: " + java.util.Arrays.stream(Check.values()).map(Check::yamlName).toList()));
		var article = scalar(required(keys, "article", node), "article");
		if (!ARTICLE.matcher(article).matches()) {
			throw refused(keys.get("article"), "article '" + article + "' of rule " + id + " is not like ART-06.3");
		}
		var severity = severity(required(keys, "severity", node));
		var partial = keys.containsKey("partial-severity") ? severity(keys.get("partial-severity")) : severity;
		var stages = keys.containsKey("stages") ? stages(keys.get("stages"), id) : EnumSet.noneOf(StageKind.class);
		var settings = keys.containsKey("settings") ? settings(keys.get("settings"), check, id) : Map.<String, Long>of();
		var fixDays = keys.containsKey("fix-days") ? number(keys.get("fix-days"), "fix-days") : 2L;
		if (fixDays < 0 || fixDays > 366) {
			throw refused(keys.get("fix-days"), "fix-days must be between 0 and 366");
		}
		var documents = keys.containsKey("documents") ? documents(keys.get("documents"), id)
				: Map.<String, String>of();
		if (check == Check.STAGE_DOCUMENTS && (documents.isEmpty() || stages.isEmpty())) {
			throw refused(node, "rule " + id + " (stage-documents) needs stages and the documents they require");
		}
		if (check != Check.STAGE_DOCUMENTS && !documents.isEmpty()) {
			throw refused(keys.get("documents"), "only a stage-documents rule names documents (rule " + id + ")");
		}
		return new Rule(id, check, article, severity, partial, stages, settings, (int) fixDays, documents);
	}

	/**
	 * ART-05.2: the text records a stage needs, each a document kind code ({@code A|B} for either) with the words a
	 * finding says it in.
	 */
	private static Map<String, String> documents(Node node, String id) {
		if (!(node instanceof MappingNode map)) {
			throw refused(node, "documents of rule " + id + " must map document kinds to their names");
		}
		var documents = new java.util.LinkedHashMap<String, String>();
		for (var tuple : map.getValue()) {
			var kinds = scalar(tuple.getKeyNode(), "document kind");
			if (!kinds.matches("[A-Z][A-Z0-9_]*(\\|[A-Z][A-Z0-9_]*)*")) {
				throw refused(tuple.getKeyNode(), "document kind '" + kinds + "' of rule " + id
						+ " must be kind codes such as ON_SITE_RECORD, A|B for either");
			}
			documents.put(kinds, scalar(tuple.getValueNode(), "document name"));
		}
		return documents;
	}

	private static Set<StageKind> stages(Node node, String id) {
		if (!(node instanceof SequenceNode list)) {
			throw refused(node, "stages of rule " + id + " must be a list of stage kinds");
		}
		var kinds = EnumSet.noneOf(StageKind.class);
		for (var item : list.getValue()) {
			var name = scalar(item, "stage kind");
			try {
				kinds.add(StageKind.valueOf(name));
			}
			catch (IllegalArgumentException e) {
				throw refused(item, "unknown stage kind '" + name + "' in rule " + id);
			}
		}
		return kinds;
	}

	private static Map<String, Long> settings(Node node, Check check, String id) {
		if (!(node instanceof MappingNode map)) {
			throw refused(node, "settings of rule " + id + " must be a mapping");
		}
		var settings = new HashMap<String, Long>();
		for (var tuple : map.getValue()) {
			var name = scalar(tuple.getKeyNode(), "setting");
			if (!check.defaults().containsKey(name)) {
				throw refused(tuple.getKeyNode(), "check " + check.yamlName() + " has no setting '" + name + "'"
						+ (check.defaults().isEmpty() ? "" : "; known: " + check.defaults().keySet()));
			}
			var value = number(tuple.getValueNode(), name);
			if (value < 0) {
				throw refused(tuple.getValueNode(), name + " must not be negative");
			}
			settings.put(name, value);
		}
		return settings;
	}

	private static Severity severity(Node node) {
		var name = scalar(node, "severity");
		try {
			return Severity.valueOf(name);
		}
		catch (IllegalArgumentException e) {
			throw refused(node, "unknown severity '" + name + "'; known: MAJOR, MINOR, NOTICE");
		}
	}

	private static long number(Node node, String what) {
		var text = scalar(node, what);
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			throw refused(node, what + " must be a whole number, not '" + text + "'");
		}
	}

	private static Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
		if (!(node instanceof MappingNode map)) {
			throw refused(node, what + " must be a mapping");
		}
		var keys = new LinkedHashMap<String, Node>();
		for (var tuple : map.getValue()) {
			var key = scalar(tuple.getKeyNode(), "key");
			if (!allowed.contains(key)) {
				throw refused(tuple.getKeyNode(), "unknown key '" + key + "' in " + what);
			}
			keys.put(key, tuple.getValueNode());
		}
		return keys;
	}

	private static Node required(Map<String, Node> keys, String key, Node owner) {
		var node = keys.get(key);
		if (node == null) {
			throw refused(owner, "'" + key + "' is missing");
		}
		return node;
	}

	private static String scalar(Node node, String what) {
		if (!(node instanceof ScalarNode scalar)) {
			throw refused(node, what + " must be a single value");
		}
		return scalar.getValue().trim();
	}

	private static RulePackRefused refused(Node node, String reason) {
		return new RulePackRefused(node.getStartMark().getLine() + 1, reason);
	}
}
