package org.lawtrace.retention;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawtrace.access.EvidencePackage;
import org.lawtrace.access.EvidencePackaging;
import org.lawtrace.shared.NotFound;
import org.springframework.stereotype.Component;

/** Evidence packages made for courts and reconsideration bodies (ART-18, ART-19) as material for a disc. */
@Component
class EvidencePackageMaterial implements DiscMaterial {

	static final String KIND = "EVIDENCE_PACKAGE";

	/** The case the package was made for, and each record in it, as long-term marks name them. */
	private java.util.Set<String> covers(EvidencePackage p) {
		var covers = new java.util.TreeSet<String>();
		if (p.caseId() != null) {
			covers.add(Subject.ofCase(p.caseId().id()).toString());
		}
		packaging.items(p.id()).forEach(i -> covers.add(Subject.of(i.ref()).toString()));
		return covers;
	}
	private static final int LISTED = 200;

	private final EvidencePackaging packaging;

	EvidencePackageMaterial(EvidencePackaging packaging) {
		this.packaging = packaging;
	}

	@Override
	public List<Candidate> candidates() {
		return packaging.latest(LISTED).stream().map(this::candidate).toList();
	}

	@Override
	public Optional<Candidate> find(String kind, String id) {
		if (!KIND.equals(kind)) {
			return Optional.empty();
		}
		try {
			return Optional.of(candidate(packaging.require(UUID.fromString(id))));
		}
		catch (IllegalArgumentException | NotFound e) {
			return Optional.empty();
		}
	}

	private Candidate candidate(EvidencePackage p) {
		// no full id in the name: a person reads it on the disc and on pages; the register keeps the id
		var day = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd").format(p.createdAt().atZone(java.time.ZoneOffset.UTC));
		return new Candidate(KIND, p.id().toString(), "证据材料包：" + p.recipient() + "，" + p.purpose(), p.digest(),
				"evidence-package-" + day + "-" + p.id().toString().substring(0, 8) + ".zip", covers(p));
	}
}
