package org.lawtrace.documents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.lawtrace.cases.StageKind;
import org.lawtrace.shared.BureauTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the document kinds shipped with the platform ({@code documents/kinds.csv}: the SAMR 2021 template set and
 * the seed's kinds, ART-05.1) into the database at start, adding only codes it does not hold yet, so the
 * administrator's edits are never overwritten by a restart.
 */
@Component
class KindReferenceData implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(KindReferenceData.class);
	static final String RESOURCE = "documents/kinds.csv";

	private final DocumentKinds kinds;
	private final BureauTime time;
	private final TransactionTemplate transaction;

	KindReferenceData(DocumentKinds kinds, BureauTime time, TransactionTemplate transaction) {
		this.kinds = kinds;
		this.time = time;
		this.transaction = transaction;
	}

	@Override
	public void afterSingletonsInstantiated() {
		var added = transaction.execute(status -> {
			var count = 0;
			for (var kind : shipped()) {
				if (!kinds.exists(kind.code())) {
					kinds.addIfAbsent(kind, time.now());
					count++;
				}
			}
			return count;
		});
		if (added != null && added > 0) {
			log.info("Loaded {} document kind(s) from {}", added, RESOURCE);
		}
	}

	static List<DocumentKind> shipped() {
		var result = new ArrayList<DocumentKind>();
		try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
				StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				var f = line.split(",", -1);
				if (f.length != 10) {
					throw new IllegalStateException(RESOURCE + ": expected 10 columns in " + line);
				}
				result.add(new DocumentKind(f[0], 1, f[1], f[2], Direction.valueOf(f[3]),
						DocumentKinds.parse(ConfirmationRule.class, f[4]), Boolean.parseBoolean(f[5]),
						DocumentKinds.parse(StageKind.class, f[6]), f[7].isBlank() ? null : f[7],
						Volume.valueOf(f[8]), Integer.parseInt(f[9])));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return result;
	}
}
