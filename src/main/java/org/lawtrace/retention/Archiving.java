package org.lawtrace.retention;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseQuery;
import org.lawtrace.documents.CaseFile;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.Gone;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.storage.BlobStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archiving (归档) of closed cases by the custodian (ART-13, ART-14): the case file frozen as a BagIt package in the
 * write-once store with its 档号, 保管期限 (from the {@link FilePlan}) and four-property report (DA/T 70-2018). A
 * failed check blocks archiving unless the director overrides it with a written reason. After archiving the file
 * changes only by approved corrections, each making a new package version; the old ones stay.
 */
@Service
public class Archiving {

	private static final int MAX_REASON = 2000;
	private static final int QUEUE_LIMIT = 2000;

	private final CaseManagement cases;
	private final CaseFile caseFile;
	private final FilePlan plan;
	private final Archives archives;
	private final ArchiveChecks checks;
	private final ArchiveAssembly assembly;
	private final ArchiveNumbers numbers;
	private final StaffDirectory staff;
	private final BlobStore store;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;

	Archiving(CaseManagement cases, CaseFile caseFile, FilePlan plan, Archives archives, ArchiveChecks checks,
			ArchiveAssembly assembly, ArchiveNumbers numbers, StaffDirectory staff, BlobStore store, BureauTime time,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.cases = cases;
		this.caseFile = caseFile;
		this.plan = plan;
		this.archives = archives;
		this.checks = checks;
		this.assembly = assembly;
		this.numbers = numbers;
		this.staff = staff;
		this.store = store;
		this.time = time;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Archives a closed case: the custodian, or the director with {@code overrideReason} to archive a file whose
	 * check failed. The checks run first (cheap ones before any byte is packed); the 档号's serial is taken in the
	 * transaction that stores the package and its row, so a refused or failed archiving gives no serial away.
	 *
	 * @throws NotPermitted unless a custodian archives, or the director overrides
	 * @throws Conflict naming {@code status} while the case is open, {@code caseId} when it is archived already
	 * @throws ArchiveCheckFailed when a check failed and there is no override; nothing is stored then
	 */
	public ArchiveFile archive(CaseId caseId, @Nullable String overrideReason, String actor) {
		var by = staff.require(actor);
		var reason = overrideReason(by, overrideReason);
		var c = cases.require(caseId);
		if (c.status() != Case.Status.CLOSED || c.closedOn() == null) {
			throw new Conflict("status", "案件尚未结案，不能归档 (the case is not closed; ART-14 archives closed cases)");
		}
		if (archives.archived(caseId)) {
			throw new Conflict("caseId", "该案件已归档；案卷更正后请制作新版本 (the case is archived already; after a "
					+ "correction, make a new version)");
		}
		var category = plan.categoryOf(c);
		var today = time.today();
		var cutOffDate = category.cutOff() == CutOff.ARCHIVED ? today : c.closedOn();
		return pack(c, by, reason, null, null, (archiveNumber, serial, year) -> {
			var f = new ArchiveFile(UUID.randomUUID(), caseId, archiveNumber, c.handlingUnit(), year, serial,
					category.id(), plan.version(), category.period(), category.cutOff(), cutOffDate,
					category.period().dueOn(cutOffDate).orElse(null), time.now(), by.id(), null, null, List.of(), null);
			archives.add(f);
			return f;
		});
	}

	/**
	 * Makes the next package version of an archived file, with its reason (the approved correction that changed the
	 * case's records); checked like the first, the old versions kept. The custodian makes it; the director may
	 * override a failed check.
	 */
	public ArchiveFile newVersion(UUID archiveId, @Nullable String reason, @Nullable String overrideReason,
			String actor) {
		var by = staff.require(actor);
		var override = overrideReason(by, overrideReason);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput("reason", "请说明制作新版本的原因（已批准的更正） (say why: the approved correction)");
		}
		if (reason.strip().length() > MAX_REASON) {
			throw new InvalidInput("reason", "不超过 " + MAX_REASON + " 字 (at most " + MAX_REASON + " characters)");
		}
		var existing = require(archiveId);
		refuseDisposed(existing);
		var c = cases.require(existing.caseId());
		return pack(c, by, override, existing, reason.strip(), null);
	}

	private interface NewFile {
		ArchiveFile add(String archiveNumber, int serial, int year);
	}

	private ArchiveFile pack(Case c, StaffMember by, @Nullable String overrideReason, @Nullable ArchiveFile existing,
			@Nullable String versionReason, @Nullable NewFile newFile) {
		var file = caseFile.assembleForArchiving(c.id(), by.id());
		var category = plan.categoryOf(c);
		var contents = checks.gather(c, file);
		var early = checks.beforePacking(c, category, file, contents, time.now().toString());
		if (!early.passed() && overrideReason == null) {
			refuse(c, by, early);
		}
		try {
			return transactions.execute(tx -> {
				ArchiveFile archive;
				if (existing == null) {
					var year = numbers.year(c, time.today());
					var serial = archives.nextSerial(c.handlingUnit(), year);
					archive = newFile.add(numbers.format(c, year, serial), serial, year);
				}
				else {
					archive = existing;
				}
				var version = existing == null ? 1 : existing.current().version() + 1;
				var packed = assembly.store(archive, version, c, file, contents, early, overrideReason, by);
				var made = new ArchiveVersion(version, packed.digest(), packed.report().passed(), packed.report(),
						packed.report().passed() ? null : overrideReason,
						packed.report().passed() || overrideReason == null ? null : by.id(), versionReason, time.now(),
						by.id());
				archives.addVersion(archive.id(), made);
				var stored = archives.byId(archive.id()).orElseThrow();
				events.publishEvent(CaseArchived.of(stored, made, by.id()));
				return stored;
			});
		}
		catch (ArchiveCheckFailed e) {
			refuse(c, by, e.report());
			throw e;
		}
	}

	private void refuse(Case c, StaffMember by, ArchiveReport report) {
		events.publishEvent(ArchivingRefused.of(c.id(), by.id(), report));
		throw new ArchiveCheckFailed(report);
	}

	/** Who may archive: the custodian (ART-13); with an override reason, only the director. */
	private static @Nullable String overrideReason(StaffMember by, @Nullable String overrideReason) {
		if (overrideReason == null || overrideReason.isBlank()) {
			if (!by.holds(Role.CUSTODIAN)) {
				throw new NotPermitted("只有档案管理人员可以归档 (ART-13: the custodian archives case files)");
			}
			return null;
		}
		if (!by.holds(Role.DIRECTOR)) {
			throw new NotPermitted("只有局长可以在四性检测未通过时批准归档 (only the director may archive despite a failed check)");
		}
		if (overrideReason.strip().length() > MAX_REASON) {
			throw new InvalidInput("overrideReason", "不超过 " + MAX_REASON + " 字 (at most " + MAX_REASON + " characters)");
		}
		return overrideReason.strip();
	}

	public ArchiveFile require(UUID id) {
		return archives.byId(id).orElseThrow(() -> new NotFound("archive", id));
	}

	public java.util.Optional<ArchiveFile> ofCase(CaseId caseId) {
		return archives.byCase(caseId);
	}

	/** The archived files, newest first. */
	public List<ArchiveFile> latest(int limit) {
		return archives.latest(limit);
	}

	/** A closed case waiting to be archived, and how long since it closed. */
	public record Waiting(Case theCase, long daysSinceClosing) {
	}

	/** The archiving queue (待归档): closed cases not yet archived, the longest waiting first. */
	public List<Waiting> queue() {
		var waiting = new ArrayList<Waiting>();
		var today = time.today();
		for (var page = 0; page * CaseQuery.MAX_PAGE_SIZE < QUEUE_LIMIT; page++) {
			var found = cases.search(new CaseQuery(null, null, null, null, null, Case.Status.CLOSED, null, page,
					CaseQuery.MAX_PAGE_SIZE));
			var archived = archives.archivedAmong(found.items().stream().map(Case::id).toList());
			found.items().stream().filter(c -> !archived.contains(c.id().id()) && c.closedOn() != null)
				.forEach(c -> waiting.add(new Waiting(c, ChronoUnit.DAYS.between(c.closedOn(), today))));
			if ((long) (page + 1) * CaseQuery.MAX_PAGE_SIZE >= found.total()) {
				break;
			}
		}
		waiting.sort((a, b) -> Long.compare(b.daysSinceClosing(), a.daysSinceClosing()));
		return waiting;
	}

	/** A package handed out: which, and its bytes as stored. */
	public record Download(ArchiveFile archive, ArchiveVersion version, InputStream content) {
	}

	/** The package of a version (the newest when null), to the custodian; logged before the first byte leaves. */
	public Download download(UUID id, @Nullable Integer version, String actor) {
		var by = staff.require(actor);
		if (!by.holds(Role.CUSTODIAN)) {
			throw new NotPermitted("只有档案管理人员可以下载归档包 (ART-13: the custodian keeps the archived files)");
		}
		var archive = require(id);
		refuseDisposed(archive);
		var v = version == null ? archive.current()
				: archive.versions().stream().filter(x -> x.version() == version).findFirst()
					.orElseThrow(() -> new NotFound("archive version", version));
		events.publishEvent(new ArchiveDownloaded(archive.id(), archive.caseId(), archive.archiveNumber(), v.version(),
				v.digest().sha256(), by.id()));
		return new Download(archive, v, store.open(v.digest()));
	}

	/** ART-16: a file whose packages a disposition destroyed answers 410, saying when and under which register. */
	private void refuseDisposed(ArchiveFile archive) {
		var disposed = archive.disposed();
		if (disposed != null) {
			throw new Gone("id", "该归档案卷已依法销毁：" + time.local(disposed.at()).toLocalDate() + "，销毁清册 "
					+ disposed.registerNumber() + " (the archival packages were destroyed at " + disposed.at()
					+ " under the approved disposition " + disposed.registerNumber() + ")");
		}
	}

	/** The days a closed case has waited; for pages. */
	public long daysSince(LocalDate day) {
		return ChronoUnit.DAYS.between(day, time.today());
	}
}
