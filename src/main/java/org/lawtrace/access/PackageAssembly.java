package org.lawtrace.access;

import org.lawtrace.shared.BagWriter;
import org.lawtrace.storage.WrittenBlob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditLog;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.Party;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.Unprocessable;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.storage.BlobStore;
import org.springframework.stereotype.Component;

/**
 * Assembles an evidence package (ART-19) as a BagIt bag and streams it into the write-once store: the originals,
 * checked against their digests on the way out, SHA-256 and SM3 manifests, the items' metadata as the evidence rules
 * ask of audio-visual material, the chain of custody with its inclusion proofs, the signed checkpoint, its SM2
 * public key, and a README in Chinese on checking it all. {@link EvidencePackaging} decides what goes in and for whom.
 */
@Component
class PackageAssembly {


	private final BlobStore store;
	private final StaffDirectory staff;
	private final BureauTime time;

	PackageAssembly(BlobStore store, StaffDirectory staff, BureauTime time) {
		this.store = store;
		this.staff = staff;
		this.time = time;
	}

	/**
	 * Streams the bag into the store through a pipe: a writer thread zips the originals as they are read, the store
	 * digests what arrives. It is only staged until the writer has finished without fault, so a failed package leaves
	 * nothing behind.
	 */
	ContentDigest store(UUID id, List<ChosenItem> chosen, AuditLog.CustodyExtract custody, PackageRecipientKind kind,
			String recipient, String purpose, @Nullable Case theCase, StaffMember maker, Instant now) {
		var bagInfo = bagInfo(id, kind, recipient, purpose, theCase, maker, now);
		var items = items(id, kind, recipient, purpose, theCase, maker, now, chosen);
		return WrittenBlob.store(store, "evidence-package-" + id, out -> {
			try (var bag = new BagWriter(out, "evidence-package-" + id)) {
				writeBag(bag, chosen, custody, bagInfo, items);
			}
		});
	}

	private void writeBag(BagWriter bag, List<ChosenItem> chosen, AuditLog.CustodyExtract custody,
			Map<String, String> bagInfo, PackageFormat.Items items) throws IOException {
		for (var c : chosen) {
			PackageItem item = c.item();
			BagWriter.Digests written;
			try (var original = c.source().open(item)) {
				written = bag.addPayload(c.path(), original);
			}
			// a fixity check on the way out: a court gets only what was stored, or no package at all
			if (!written.sha256().equals(item.digest().sha256()) || written.size() != item.digest().sizeBytes()) {
				throw new Unprocessable("items", "原始文件校验失败，未制作材料包 (the stored original of " + item.ref()
						+ " no longer matches its digest; no package was made)");
			}
		}
		bag.addTag(PackageFormat.ITEMS, PackageFormat.JSON.writeValueAsBytes(items));
		bag.addTag(PackageFormat.ITEMS_TEXT, PackageReadme.itemsText(items, time.zone()).getBytes(StandardCharsets.UTF_8));
		bag.addTag(PackageFormat.CUSTODY, PackageFormat.JSON.writeValueAsBytes(custody.entries().stream()
			.map(p -> new PackageFormat.CustodyEntry(p.entry().seq(), p.entry().at().toString(), p.entry().actor(),
					p.entry().action(), p.entry().subjectType(), p.entry().subjectId(), p.entry().outcome(),
					p.entry().detail(), p.entry().leafHash(), p.path()))
			.toList()));
		var c = custody.checkpoint();
		bag.addTag(PackageFormat.CHECKPOINT, PackageFormat.JSON.writeValueAsBytes(new PackageFormat.CheckpointFile(
				c.treeSize(), c.rootHash(), c.signedAt().toString(), c.algorithm(), c.signature())));
		var key = custody.publicKey();
		bag.addTag(PackageFormat.KEY, PackageFormat.JSON.writeValueAsBytes(
				new PackageFormat.KeyFile(key.algorithm(), key.curve(), key.hex())));
		bag.addTag(PackageFormat.KEY_PEM, key.pem().getBytes(StandardCharsets.UTF_8));
		bag.addTag(PackageFormat.README, PackageReadme.text(items, custody).getBytes(StandardCharsets.UTF_8));
		bag.finish(bagInfo);
	}

	private Map<String, String> bagInfo(UUID id, PackageRecipientKind kind, String recipient, String purpose,
			@Nullable Case theCase, StaffMember maker, Instant now) {
		var info = new LinkedHashMap<String, String>();
		info.put("Source-Organization", "LawTrace 执法全过程记录平台");
		info.put("Contact-Name", maker.name() + " (" + maker.username() + ")");
		info.put("External-Identifier", id.toString());
		info.put("Bagging-Date", time.local(now).toLocalDate().toString());
		info.put("External-Description", "证据材料包 evidence package for " + kind + ": " + recipient
				+ (theCase == null ? "" : "; case " + theCase.caseNumber().value()) + "; " + purpose);
		info.put("Bag-Software-Agent", "LawTrace evidence packaging (ART-19)");
		return info;
	}

	private PackageFormat.Items items(UUID id, PackageRecipientKind kind, String recipient, String purpose,
			@Nullable Case theCase, StaffMember maker, Instant now, List<ChosenItem> chosen) {
		var label = theCase == null ? null : new PackageFormat.CaseLabel(theCase.id().id().toString(),
				theCase.caseNumber().value(), theCase.title(), theCase.parties().stream().map(Party::name).toList(),
				staff.byIds(theCase.handlers()).stream().map(m -> m.name() + " (" + m.username() + ")").toList());
		return new PackageFormat.Items(id.toString(), kind.name(), recipient, purpose, label,
				maker.name() + " (" + maker.username() + ")", now.toString(), chosen.stream().map(c -> {
					var i = c.item();
					return new PackageFormat.Item(i.ref().kind().name(), i.ref().id().toString(), "data/" + c.path(),
							i.originalName(), i.kind(), i.mediaType(), i.digest().sha256(), i.digest().sm3(),
							i.digest().sizeBytes(), i.caseId() == null ? null : i.caseId().id().toString(), i.carrier(),
							i.method(), i.madeFrom() == null ? null : i.madeFrom().toString(),
							i.madeUntil() == null ? null : i.madeUntil().toString(), i.madeBy(), i.storedBy(),
							i.storedAt().toString(), c.offeredToProve(),
							i.sound() ? (c.transcript() == null ? "" : c.transcript()) : null);
				}).toList());
	}
}
