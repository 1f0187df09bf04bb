package org.lawtrace.access;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.lawtrace.recordings.Channel;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.storage.BlobStore;
import org.springframework.stereotype.Component;

/** Audio-visual records (音像记录) for evidence packages: described from the catalog, read from the write-once store. */
@Component
class PackageRecordings implements PackageRecordSource {

	private final RecordingCatalog catalog;
	private final StaffDirectory staff;
	private final BlobStore store;

	PackageRecordings(RecordingCatalog catalog, StaffDirectory staff, BlobStore store) {
		this.catalog = catalog;
		this.staff = staff;
		this.store = store;
	}

	@Override
	public RecordRef.Kind kind() {
		return RecordRef.Kind.RECORDING;
	}

	@Override
	public PackageItem describe(UUID id) {
		var r = catalog.require(new RecordingId(id));
		var current = r.current();
		var carrier = current.deviceSerial() == null ? "未登记设备序列号 (device serial not given)"
				: "执法记录设备，序列号 " + current.deviceSerial() + " (recording device, serial " + current.deviceSerial() + ")";
		return new PackageItem(RecordRef.recording(id), r.originalName(), extension(r.originalName()), r.kind().name(),
				r.facts().mediaType(), r.digest(), current.caseId(), carrier, method(r.kind(), r.channel()),
				current.startedAt(), current.endedAt(), person(current.recordedBy()), person(r.uploadedBy()),
				r.uploadedAt(), r.kind() != RecordingKind.PHOTO);
	}

	@Override
	public List<UUID> ofCase(CaseId caseId) {
		var ids = new ArrayList<UUID>();
		for (var page = 0;; page++) {
			var found = catalog.search(new RecordingQuery(caseId, null, null, null, null, page,
					RecordingQuery.MAX_PAGE_SIZE));
			found.items().forEach(r -> ids.add(r.id().id()));
			if ((long) (page + 1) * RecordingQuery.MAX_PAGE_SIZE >= found.total()) {
				return ids;
			}
		}
	}

	@Override
	public InputStream open(PackageItem item) {
		return store.open(item.digest());
	}

	private String person(StaffId id) {
		return staff.byId(id).map(m -> m.name() + " (" + m.username() + ")").orElse(id.toString());
	}

	private static String method(RecordingKind kind, Channel channel) {
		var made = switch (kind) {
			case VIDEO -> "执法记录设备录像";
			case AUDIO -> "执法记录设备录音";
			case PHOTO -> "执法记录设备拍照";
		};
		var stored = switch (channel) {
			case UPLOAD -> "原始文件经系统上传接口存入只写存储";
			case TUS -> "原始文件经断点续传上传存入只写存储";
			case IMPORT -> "原始文件由采集站从设备导入只写存储";
		};
		return made + "，" + stored + " (" + kind.name().toLowerCase(Locale.ROOT) + " made on the device; original "
				+ "stored unchanged, via " + channel.name().toLowerCase(Locale.ROOT) + ")";
	}

	/** A short, safe extension for the file's name in the bag; anything odd is left out rather than escaped. */
	static String extension(String originalName) {
		var dot = originalName.lastIndexOf('.');
		if (dot < 0 || dot == originalName.length() - 1) {
			return "";
		}
		var ext = originalName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return ext.matches("[a-z0-9]{1,8}") ? ext : "";
	}
}
