package org.lawtrace.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The rule pack in force. The jar ships {@code compliance/rules.yaml}; a bureau overrides it with
 * {@code <data-dir>/compliance/rules.yaml}, read at start-up and on {@link #reload()}. A pack that does not load is
 * refused with its line and reason, and the pack in force stays: a typo must not switch the checks off. At
 * start-up a refused override falls back to the shipped pack, loudly.
 */
@Component
public class RulePacks {

	static final String SHIPPED = "classpath:compliance/rules.yaml";
	private static final Logger log = LoggerFactory.getLogger(RulePacks.class);

	private final ResourceLoader resources;
	private final String override;
	private final AtomicReference<Loaded> current = new AtomicReference<>();

	/** A pack as read: parsed, with the SHA-256 of its bytes (its identity) and its text, kept for later judging. */
	record Loaded(RulePack pack, String digest, String content) {
	}

	@org.springframework.beans.factory.annotation.Autowired
	RulePacks(@Value("${lawtrace.data-dir}") String dataDir) {
		this(new DefaultResourceLoader(), "file:" + dataDir + "/compliance/rules.yaml");
	}

	RulePacks(ResourceLoader resources, String override) {
		this.resources = resources;
		this.override = override;
		current.set(read(resources.getResource(SHIPPED)));
		try {
			reload();
		}
		catch (RulePackRefused e) {
			log.error("Rule pack {} refused ({}); the shipped pack {} is in force", override, e.getMessage(),
					current.get().pack().version());
		}
	}

	public RulePack current() {
		return current.get().pack();
	}

	/** The pack in force with its digest and text. */
	Loaded loaded() {
		return current.get();
	}

	/** Reads the data directory's pack again (or the shipped one if there is none) and puts it in force. */
	public RulePack reload() {
		var file = resources.getResource(override);
		var loaded = read(file.exists() ? file : resources.getResource(SHIPPED));
		current.set(loaded);
		log.info("Rule pack {} in force, from {}", loaded.pack().version(), loaded.pack().source());
		return loaded.pack();
	}

	private static Loaded read(Resource resource) {
		try (var in = resource.getInputStream()) {
			var bytes = in.readAllBytes();
			var content = new String(bytes, StandardCharsets.UTF_8);
			return new Loaded(parse(content, resource.getDescription()), sha256(bytes), content);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read rule pack " + resource.getDescription(), e);
		}
	}

	static RulePack parse(String content, String source) {
		try (var reader = new java.io.StringReader(content)) {
			return RulePackParser.parse(reader, source);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
