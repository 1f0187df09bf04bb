package org.lawtrace.documents;

import java.util.Set;
import java.util.regex.Pattern;

import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's edits of the document kinds (文书种类): each save is a new version, so documents registered
 * earlier keep being judged by the kind as it was (rules versioned, Chapter 8).
 */
@Service
@Transactional
public class KindCatalogue {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final DocumentKinds kinds;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;

	KindCatalogue(DocumentKinds kinds, StaffDirectory staff, BureauTime time, ApplicationEventPublisher events) {
		this.kinds = kinds;
		this.staff = staff;
		this.time = time;
		this.events = events;
	}

	/** Adds a kind (version 1) or saves the next version of an existing one. */
	public DocumentKind define(String code, KindDefinition d, String actor) {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new InvalidInput("code", "代码应为大写字母、数字和下划线 (code: capitals, digits and underscores)");
		}
		if (d.direction() == null) {
			throw new InvalidInput("direction", "请选择文书方向 (direction is required)");
		}
		if (d.volume() == null) {
			throw new InvalidInput("volume", "请选择归入的卷 (volume is required)");
		}
		var maxSection = d.volume() == Volume.MAIN ? 7 : d.volume() == Volume.SECONDARY ? 6 : 0;
		if (d.section() < (d.volume() == Volume.NONE ? 0 : 1) || d.section() > maxSection) {
			throw new InvalidInput("section", "卷内顺序应在1到" + maxSection + "之间 (section out of range for "
					+ d.volume() + ", SAMR-PR Art. 78)");
		}
		var prefix = d.numberPrefix() == null || d.numberPrefix().isBlank() ? null : d.numberPrefix().strip();
		if (prefix != null && prefix.length() > 40) {
			throw new InvalidInput("numberPrefix", "文号前缀不超过40字 (numberPrefix is at most 40 characters)");
		}
		var version = kinds.current(code).map(k -> k.version() + 1).orElse(1);
		var kind = new DocumentKind(code, version, name(d.chineseName(), "chineseName"),
				name(d.englishName(), "englishName"), d.direction(),
				d.confirmations() == null ? Set.of() : d.confirmations(), d.pageByPage(),
				d.stageKinds() == null ? Set.of() : d.stageKinds(), prefix, d.volume(), d.section());
		var admin = staff.require(actor);
		kinds.add(kind, admin.id(), time.now());
		events.publishEvent(new DocumentKindChanged(code, version, admin.id()));
		return kind;
	}

	private static String name(String value, String field) {
		if (value == null || value.isBlank() || value.strip().length() > 100) {
			throw new InvalidInput(field, "名称必填且不超过100字 (" + field + " is required, at most 100 characters)");
		}
		return value.strip();
	}
}
