package org.lawtrace.retention;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.Procedure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The file plan (归档范围和保管期限表, ART-16): how long each case file and each recording is kept. Each archives
 * authority approves its own table (国家档案局第8号令 Art. 12) and the Zhejiang one was not found, so every period is
 * a setting: {@code <data-dir>/retention/file-plan.yaml} when present, else the shipped default, which says it is
 * the bureau's to confirm. The first row matching a case's kind, procedure and major flag gives its period.
 * <p>
 * A plan is refused at start, naming the setting, when it does not parse, leaves some kind of case uncovered, or
 * keeps daily enforcement recordings less than a year (ART-16.2): records must never be kept by a guess.
 */
@Component
public class FilePlan {

	static final String SHIPPED = "classpath:retention/file-plan.yaml";
	/** ART-16.2: daily enforcement AV is kept at least this long. */
	static final RetentionPeriod DAILY_MINIMUM = RetentionPeriod.years(1);
	private static final Logger log = LoggerFactory.getLogger(FilePlan.class);
	private static final Set<String> TOP = Set.of("version", "confirmed", "description", "categories",
			"daily-recordings");
	private static final Set<String> ROW = Set.of("id", "name", "kind", "procedure", "major", "period", "cut-off",
			"required-documents");

	private final String version;
	private final boolean confirmed;
	private final String source;
	private final List<FilePlanCategory> categories;
	private final RetentionPeriod dailyRecordings;
	private final CutOff dailyCutOff;

	@Autowired
	FilePlan(@Value("${lawtrace.data-dir}") String dataDir) {
		this(new DefaultResourceLoader(), "file:" + dataDir + "/retention/file-plan.yaml");
	}

	FilePlan(ResourceLoader resources, String override) {
		var file = resources.getResource(override);
		var resource = file.exists() ? file : resources.getResource(SHIPPED);
		var source = resource.getDescription();
		try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			var top = parse(reader, source);
			this.source = source;
			this.version = text(top, "version", source);
			this.confirmed = Boolean.TRUE.equals(top.get("confirmed"));
			this.categories = categories(top.get("categories"), source);
			var daily = map(top.get("daily-recordings"), "daily-recordings", source, Set.of("period", "cut-off"));
			this.dailyRecordings = period(daily.get("period"), "daily-recordings.period", source);
			this.dailyCutOff = cutOff(orElse(daily.get("cut-off"), "RECORDED"), "daily-recordings.cut-off", source);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read file plan " + source, e);
		}
		if (!dailyRecordings.atLeast(DAILY_MINIMUM)) {
			throw new FilePlanRefused(source, "daily-recordings.period", dailyRecordings.chinese()
					+ " is below the 1 year daily enforcement recordings must be kept (第十六条第（二）款)");
		}
		coverEveryCase(source);
		if (confirmed) {
			log.info("File plan {} in force, from {}", version, source);
		}
		else {
			log.warn("File plan {} in force, from {}, is NOT yet confirmed by the bureau: have its archives "
					+ "authority approve the periods and set 'confirmed: true' in {}", version, source, override);
		}
	}

	/** The period of a case's file: the first row that matches it. */
	public RetentionPeriod periodOf(Case c) {
		return categoryOf(c).period();
	}

	public FilePlanCategory categoryOf(Case c) {
		return categoryOf(c.kind(), c.procedure(), c.major());
	}

	public FilePlanCategory categoryOf(CaseKind kind, Procedure procedure, boolean major) {
		return categories.stream()
			.filter(row -> row.matches(kind, procedure, major))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("checked at start: every case has a row"));
	}

	/** ART-16.2: a recording linked to no case, kept at least a year from its recording. */
	public RetentionPeriod periodOfDailyRecording() {
		return dailyRecordings;
	}

	public CutOff dailyRecordingCutOff() {
		return dailyCutOff;
	}

	/**
	 * A recording's period: linked to a case, it is filed with the case file and kept as long as it (ART-16.3 for
	 * general-procedure penalties and coercion, ART-14's one case one file for the others), never shorter than a
	 * daily recording's; linked to none, the daily period.
	 */
	public RetentionPeriod periodOfRecording(@Nullable Case linkedTo) {
		if (linkedTo == null) {
			return dailyRecordings;
		}
		var ofCase = periodOf(linkedTo);
		return ofCase.atLeast(dailyRecordings) ? ofCase : dailyRecordings;
	}

	/** A row's name by its id, as an archived file recorded it (the id itself when the plan no longer has it). */
	public String categoryName(String id) {
		return categories.stream().filter(c -> c.id().equals(id)).map(FilePlanCategory::name).findFirst().orElse(id);
	}

	public List<FilePlanCategory> categories() {
		return categories;
	}

	public String version() {
		return version;
	}

	/** False for the shipped default until the bureau's archives authority has approved the table. */
	public boolean confirmed() {
		return confirmed;
	}

	public String source() {
		return source;
	}

	private void coverEveryCase(String source) {
		for (var kind : CaseKind.values()) {
			for (var procedure : Procedure.values()) {
				for (var major : new boolean[] { false, true }) {
					if (categories.stream().noneMatch(row -> row.matches(kind, procedure, major))) {
						throw new FilePlanRefused(source, "categories", "no row covers " + kind + " " + procedure
								+ (major ? " major" : " not major") + " cases; add one (a row without kind, "
								+ "procedure and major covers all)");
					}
				}
			}
		}
	}

	private static Map<?, ?> parse(Reader reader, String source) {
		Object root;
		try {
			var options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			root = new Yaml(options).load(reader);
		}
		catch (YAMLException e) {
			throw new FilePlanRefused(source, "file", "not valid YAML: " + e.getMessage());
		}
		return map(root, "file", source, TOP);
	}

	private static List<FilePlanCategory> categories(@Nullable Object node, String source) {
		if (!(node instanceof List<?> list) || list.isEmpty()) {
			throw new FilePlanRefused(source, "categories", "must be a non-empty list of rows");
		}
		var rows = new ArrayList<FilePlanCategory>();
		var ids = new HashSet<String>();
		for (int i = 0; i < list.size(); i++) {
			var where = "categories[" + i + "]";
			var row = map(list.get(i), where, source, ROW);
			var id = text(row, "id", source, where);
			if (!ids.add(id)) {
				throw new FilePlanRefused(source, where + ".id", "'" + id + "' is used twice");
			}
			rows.add(new FilePlanCategory(id, text(row, "name", source, where),
					row.get("kind") == null ? null : constant(CaseKind.class, row.get("kind"), where + ".kind", source),
					row.get("procedure") == null ? null
							: constant(Procedure.class, row.get("procedure"), where + ".procedure", source),
					major(row.get("major"), where + ".major", source),
					period(row.get("period"), where + ".period", source),
					cutOff(orElse(row.get("cut-off"), "CASE_CLOSED"), where + ".cut-off", source),
					required(row.get("required-documents"), where + ".required-documents", source)));
		}
		return List.copyOf(rows);
	}

	private static List<List<String>> required(@Nullable Object value, String setting, String source) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new FilePlanRefused(source, setting, "must be a list of document kind codes");
		}
		var required = new ArrayList<List<String>>();
		for (var entry : list) {
			var alternatives = java.util.Arrays.stream(String.valueOf(entry).split("\\|")).map(String::strip).toList();
			if (alternatives.stream().anyMatch(code -> !code.matches("[A-Z][A-Z0-9_]{1,59}"))) {
				throw new FilePlanRefused(source, setting, "'" + entry + "' is not a document kind code (or codes "
						+ "joined by |)");
			}
			required.add(alternatives);
		}
		return required;
	}

	private static @Nullable Boolean major(@Nullable Object value, String setting, String source) {
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		throw new FilePlanRefused(source, setting, "must be true or false, not '" + value + "'");
	}

	private static RetentionPeriod period(@Nullable Object value, String setting, String source) {
		if (value == null) {
			throw new FilePlanRefused(source, setting, "is missing");
		}
		try {
			return RetentionPeriod.parse(String.valueOf(value));
		}
		catch (IllegalArgumentException e) {
			throw new FilePlanRefused(source, setting, e.getMessage());
		}
	}

	private static CutOff cutOff(Object value, String setting, String source) {
		return constant(CutOff.class, value, setting, source);
	}

	private static <E extends Enum<E>> E constant(Class<E> type, Object value, String setting, String source) {
		try {
			return Enum.valueOf(type, String.valueOf(value).strip());
		}
		catch (IllegalArgumentException e) {
			throw new FilePlanRefused(source, setting, "unknown value '" + value + "' (one of "
					+ java.util.Arrays.toString(type.getEnumConstants()) + ")");
		}
	}

	private static Map<?, ?> map(@Nullable Object node, String setting, String source, Set<String> keys) {
		if (!(node instanceof Map<?, ?> map)) {
			throw new FilePlanRefused(source, setting, "must be a mapping");
		}
		for (var key : map.keySet()) {
			if (!keys.contains(String.valueOf(key))) {
				throw new FilePlanRefused(source, setting.equals("file") ? String.valueOf(key) : setting + "." + key,
						"unknown setting");
			}
		}
		return map;
	}

	private static Object orElse(@Nullable Object value, Object otherwise) {
		return value == null ? otherwise : value;
	}

	private static String text(Map<?, ?> map, String key, String source) {
		return text(map, key, source, null);
	}

	private static String text(Map<?, ?> map, String key, String source, @Nullable String where) {
		var value = map.get(key);
		var setting = where == null ? key : where + "." + key;
		if (value == null || String.valueOf(value).isBlank()) {
			throw new FilePlanRefused(source, setting, "is missing");
		}
		return String.valueOf(value).strip();
	}
}
