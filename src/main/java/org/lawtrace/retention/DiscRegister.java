package org.lawtrace.retention;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.IntegrityAlarm;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.storage.BlobStore;
import org.lawtrace.storage.DiscImages;
import org.lawtrace.storage.DiscReading;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long-term preservation on optical disc (ART-17) and the disc register: the custodian makes an ISO 9660 image of
 * long-term packages with their verification list (kept whole in the write-once store), downloads it to burn, records
 * the burning and where the disc is kept, and reads each disc back at least yearly; every read-back is checked like
 * {@code verify-disc} and recorded, and a failed one raises an integrity alarm. Nothing here deletes anything.
 */
@Service
public class DiscRegister {

	/** Packages lie under this folder of the image; the verification list lies in its root. */
	static final String PACKAGES = "packages/";

	private final Discs discs;
	private final List<DiscMaterial> material;
	private final BlobStore store;
	private final DiscImages images;
	private final Xorriso xorriso;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Period recheckEvery;
	private final LongTermPreservation longTerm;
	private final Subjects subjects;
	private final List<String> readRoots;

	DiscRegister(Discs discs, List<DiscMaterial> material, BlobStore store, DiscImages images, Xorriso xorriso,
			StaffDirectory staff, BureauTime time, ApplicationEventPublisher events,
			PlatformTransactionManager transactions,
			@Value("${lawtrace.retention.disc-recheck-every:P1Y}") Period recheckEvery, LongTermPreservation longTerm,
			Subjects subjects,
			@Value("${lawtrace.retention.disc-read-roots:/media,/mnt,/run/media}") List<String> readRoots) {
		this.readRoots = List.copyOf(readRoots);
		this.longTerm = longTerm;
		this.subjects = subjects;
		this.discs = discs;
		this.material = material;
		this.store = store;
		this.images = images;
		this.xorriso = xorriso;
		this.staff = staff;
		this.time = time;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.recheckEvery = recheckEvery;
	}

	public Period recheckEvery() {
		return recheckEvery;
	}

	public boolean imagesAvailable() {
		return xorriso.available();
	}

	/**
	 * A package that may go on a disc (see {@link DiscMaterial}); {@code longTerm} when it holds a case or record with
	 * an approved long-term mark, which the custodian should put on disc.
	 */
	public record Candidate(String kind, String id, String title, String fileName, long sizeBytes, boolean longTerm) {
	}

	/** What may go on a disc, packages of long-term marked cases and records first. */
	public List<Candidate> candidates() {
		var marked = approvedSubjects();
		return material.stream().flatMap(m -> m.candidates().stream())
			.map(c -> new Candidate(c.kind(), c.id(), c.title(), c.fileName(), c.digest().sizeBytes(),
					c.covers().stream().anyMatch(marked::contains)))
			.sorted(java.util.Comparator.comparing(c -> !c.longTerm()))
			.toList();
	}

	/**
	 * A case or record with an approved long-term mark (ART-17) and the discs that hold a package of it; none yet is
	 * what the custodian still has to burn.
	 *
	 * @param situation the mark's situation, for a page's words.
	 */
	public record Marked(String what, String situation, @Nullable String reason, List<String> discLabels) {

		public boolean onDisc() {
			return !discLabels.isEmpty();
		}
	}

	/** Every approved long-term mark with the discs holding it, those on no disc yet first. */
	public List<Marked> marked() {
		var onDiscs = new java.util.HashMap<String, java.util.TreeSet<String>>();
		for (var disc : discs.all()) {
			for (var item : discs.items(disc.id())) {
				material.stream().flatMap(m -> m.find(item.sourceKind(), item.sourceId()).stream()).findFirst()
					.ifPresent(c -> c.covers().forEach(
							s -> onDiscs.computeIfAbsent(s, k -> new java.util.TreeSet<>()).add(disc.label())));
			}
		}
		return longTerm.all().stream().filter(LongTermMark::approved).map(mark -> {
			String what;
			try {
				what = subjects.find(mark.subject()).label();
			}
			catch (NotFound gone) {
				what = mark.subject().toString();
			}
			return new Marked(what, mark.situation().name(), mark.reason(),
					List.copyOf(onDiscs.getOrDefault(mark.subject().toString(), new java.util.TreeSet<>())));
		}).sorted(java.util.Comparator.comparing(Marked::onDisc)).toList();
	}

	private java.util.Set<String> approvedSubjects() {
		return longTerm.approvedSubjects().stream().map(Subject::toString).collect(java.util.stream.Collectors.toSet());
	}

	/** A package chosen for a disc, by its source's kind and id. */
	public record Choice(@Nullable String kind, @Nullable String id) {
	}

	/**
	 * Makes a disc image of the chosen packages: each is re-read and checked against its digests first (and gets its
	 * SM3), the verification list is written and stored, and xorriso masters the image straight from the store into
	 * the store. Slow for large packages (a full read of each, then the image); runs outside any transaction.
	 *
	 * @throws InvalidInput naming {@code items} (none, or one twice) or {@code items[i]} (no such package).
	 * @throws Conflict on {@code xorriso} when disc images are off.
	 */
	public Disc make(List<Choice> choices, String actor) {
		var by = custodian(actor);
		if (!xorriso.available()) {
			throw new Conflict("xorriso", "本服务器未启用光盘镜像制作 (disc images are off: lawtrace.retention.xorriso)");
		}
		if (choices == null || choices.isEmpty()) {
			throw new InvalidInput("items", "请至少选择一个证据包或档案包 (choose at least one package)");
		}
		var chosen = new ArrayList<DiscMaterial.Candidate>();
		var seen = new HashSet<String>();
		for (var i = 0; i < choices.size(); i++) {
			var choice = choices.get(i);
			var field = "items[" + i + "]";
			if (choice == null || choice.kind() == null || choice.id() == null) {
				throw new InvalidInput(field, "未指明包 (no package named)");
			}
			if (!seen.add(choice.kind() + "/" + choice.id())) {
				throw new InvalidInput(field, "同一包不能重复选择 (the same package twice)");
			}
			chosen.add(material.stream().flatMap(m -> m.find(choice.kind(), choice.id()).stream()).findFirst()
				.orElseThrow(() -> new InvalidInput(field + ".id", "没有这个包 (no such package)")));
		}
		var items = new ArrayList<Disc.Item>();
		var entries = new ArrayList<VerificationList.Entry>();
		var inputs = new ArrayList<DiscImages.Input>();
		for (var c : chosen) {
			// re-read whole: a copy damaged in the store must not be preserved for decades; also yields the SM3
			var digest = store.withSm3(c.digest());
			var name = PACKAGES + uniqueName(c.fileName(), items);
			items.add(new Disc.Item(items.size() + 1, c.kind(), c.id(), c.title(), name, digest));
			entries.add(new VerificationList.Entry(name, digest.sizeBytes(), digest.sha256(), digest.sm3()));
			inputs.add(new DiscImages.Input(digest, "/" + name));
		}
		var madeAt = time.now();
		var label = nextLabel();
		var sums = put(VerificationList.sha256sums(entries));
		var list = put(VerificationList.verification(label,
				time.local(madeAt).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), entries));
		inputs.add(new DiscImages.Input(sums, "/" + VerificationList.SHA256SUMS));
		inputs.add(new DiscImages.Input(list, "/" + VerificationList.VERIFICATION));
		var image = images.master(inputs, xorriso.master(Disc.volumeId(label)), Xorriso.perInput(), xorriso.timeout());
		var disc = new Disc(UUID.randomUUID(), label, image.digest(), sums.sha256(), by.id(), madeAt,
				xorriso.version(), null, null, null, null, null);
		return transactions.execute(status -> {
			discs.add(disc, items);
			events.publishEvent(new DiscImageMade(disc, items.size()));
			return disc;
		});
	}

	public Disc require(UUID id) {
		return discs.byId(id).orElseThrow(() -> new NotFound("disc", id));
	}

	public List<Disc> all() {
		return discs.all();
	}

	public List<Disc.Item> items(UUID id) {
		require(id);
		return discs.items(id);
	}

	public List<Disc.Check> checks(UUID id) {
		require(id);
		return discs.checks(id);
	}

	/** Burned discs whose yearly read-back is due today or overdue, the most overdue first. */
	public List<Disc> due() {
		var today = time.today();
		return discs.all().stream().filter(d -> d.recheckDueOn(today, recheckEvery))
			.sorted(java.util.Comparator.comparing(d -> d.recheckDue(recheckEvery))).toList();
	}

	/** The image as stored, to burn; logged before the first byte leaves. */
	public InputStream image(UUID id, String actor) {
		var by = custodian(actor);
		var disc = require(id);
		events.publishEvent(new DiscImageDownloaded(disc, by.id()));
		return store.open(disc.image());
	}

	/**
	 * Records the burning: on which day (not in the future), where the disc is kept; once per disc.
	 *
	 * @throws InvalidInput on {@code burnedOn} or {@code location}; {@link Conflict} on {@code burnedOn} when the
	 *         burning is already recorded.
	 */
	public Disc recordBurning(UUID id, @Nullable LocalDate burnedOn, @Nullable String location, String actor) {
		var by = custodian(actor);
		if (burnedOn == null) {
			throw new InvalidInput("burnedOn", "请填写刻录日期 (the day it was burned)");
		}
		if (burnedOn.isAfter(time.today())) {
			throw new InvalidInput("burnedOn", "刻录日期不能晚于今天 (not in the future)");
		}
		var where = requireLocation(location);
		return transactions.execute(status -> {
			var disc = require(id);
			if (!discs.burned(id, burnedOn, by.id(), where, time.now())) {
				throw new Conflict("burnedOn", "该光盘的刻录已登记 (its burning is already recorded)");
			}
			events.publishEvent(new DiscBurned(disc, burnedOn, where, by.id()));
			return require(id);
		});
	}

	/** Records where a burned disc is now kept. */
	public Disc relocate(UUID id, @Nullable String location, String actor) {
		var by = custodian(actor);
		var where = requireLocation(location);
		return transactions.execute(status -> {
			var disc = require(id);
			if (!disc.burned()) {
				throw new Conflict("location", "光盘尚未登记刻录 (the disc's burning is not recorded yet)");
			}
			discs.relocated(id, where, time.now());
			events.publishEvent(new DiscRelocated(disc, disc.location() == null ? "" : disc.location(), where, by.id()));
			return require(id);
		});
	}

	/** Reads back an image the custodian sends (read from the disc with any burning program). */
	public Disc.Check checkUploaded(UUID id, InputStream image, String actor) {
		var by = custodian(actor);
		var disc = require(id);
		requireReadable();
		try (var reading = images.readBack(image, xorriso.extract(), xorriso.timeout())) {
			return record(disc, reading, "上传的镜像 (uploaded image)", by);
		}
	}

	/** Reads back a disc mounted on the server, or an image file there, that the custodian points to. */
	public Disc.Check checkAt(UUID id, @Nullable String path, String actor) {
		var by = custodian(actor);
		if (path == null || path.isBlank()) {
			throw new InvalidInput("path", "请填写光盘挂载目录或镜像文件路径 (a mount directory or image file)");
		}
		var disc = require(id);
		requireReadable();
		try (var reading = DiscReading.ofServerPath(path.strip(), readRoots, xorriso.extract(),
				xorriso.timeout())) {
			return record(disc, reading, path.strip(), by);
		}
	}

	private Disc.Check record(Disc disc, DiscReading reading, String source, StaffMember by) {
		var result = DiscVerification.run(reading);
		var expected = discs.items(disc.id()).stream().map(Disc.Item::nameInImage).toList();
		var lines = new ArrayList<>(result.lines());
		var onList = result.lines().stream().map(DiscVerification.Line::text).toList();
		for (var name : expected) {
			// the disc's own list could have been swapped with the files: the register's list is what counts
			if (onList.stream().noneMatch(t -> t.startsWith(name + ": "))) {
				lines.add(new DiscVerification.Line(false, name + ": registered for this disc but not on it"));
			}
		}
		var imageSha = reading.imageDigest() == null ? null : reading.imageDigest().sha256();
		var matches = imageSha == null ? null : imageSha.equals(disc.image().sha256());
		var failures = lines.stream().filter(l -> !l.passed()).map(DiscVerification.Line::text).toList();
		var passed = result.usable() && failures.isEmpty();
		var findings = String.join("\n", lines.stream().map(DiscVerification.Line::printed).toList());
		var check = new Disc.Check(UUID.randomUUID(), time.now(), by.id(), imageSha, matches, passed, findings,
				source.length() > 300 ? source.substring(0, 300) : source);
		return transactions.execute(status -> {
			discs.checked(disc.id(), check);
			events.publishEvent(new DiscChecked(disc, check, failures.size()));
			if (!passed) {
				events.publishEvent(new IntegrityAlarm("DISC_CHECK_FAILED", "DISC", disc.id().toString(),
						"光盘 " + disc.label() + " 读回核验未通过 (disc read back failed its check): "
								+ String.join("; ", failures.stream().limit(5).toList())));
			}
			return check;
		});
	}

	private void requireReadable() {
		if (!xorriso.available()) {
			throw new Conflict("xorriso", "本服务器未启用光盘镜像读取 (disc images are off: lawtrace.retention.xorriso)");
		}
	}

	private ContentDigest put(byte[] text) {
		return store.store(new ByteArrayInputStream(text), null).digest();
	}

	/** {@code LT-<year>-<4-digit serial>}, never reused: the register keeps every label. */
	private String nextLabel() {
		var prefix = "LT-" + time.today().getYear() + "-";
		return prefix + String.format("%04d", discs.labelsOf(prefix) + 1);
	}

	private static String uniqueName(String fileName, List<Disc.Item> so) {
		var name = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
		var taken = so.stream().map(Disc.Item::nameInImage).toList();
		var candidate = name;
		for (var n = 2; taken.contains(PACKAGES + candidate); n++) {
			candidate = n + "-" + name;
		}
		return candidate;
	}

	private static String requireLocation(@Nullable String location) {
		if (location == null || location.isBlank()) {
			throw new InvalidInput("location", "请填写保管地点 (where the disc is kept)");
		}
		if (location.strip().length() > 200) {
			throw new InvalidInput("location", "保管地点过长，最多 200 字 (at most 200 characters)");
		}
		return location.strip();
	}

	private StaffMember custodian(String actor) {
		var by = staff.require(actor);
		if (!Permission.KEEP_DISCS.grantedTo(by)) {
			throw new NotPermitted("只有档案管理人员可以管理长期保存光盘 (only the custodian keeps discs)");
		}
		return by;
	}
}
