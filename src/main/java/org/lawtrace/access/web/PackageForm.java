package org.lawtrace.access.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.access.PackageItem;
import org.lawtrace.access.PackageOrder;
import org.lawtrace.access.PackageRecipientKind;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.RecordRef;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The export page's form as typed (issue 15): kept whole through every refusal and every 申请查阅 made from it, so
 * nothing the clerk typed is lost. Records are ticked as {@code RECORDING:<id>} or {@code DOCUMENT:<id>}; each
 * record's 证明目的 and transcript come as {@code prove.<id>} and {@code transcript.<id>}.
 */
record PackageForm(MultiValueMap<String, String> values) {

	static PackageForm blank() {
		return new PackageForm(new LinkedMultiValueMap<>());
	}

	public @Nullable String getFirst(String name) {
		return values.getFirst(name);
	}

	public boolean ticked(RecordRef ref) {
		var items = values.get("items");
		return items != null && items.contains(ref.kind().name() + ":" + ref.id());
	}

	public @Nullable String proves(RecordRef ref) {
		return values.getFirst("prove." + ref.id());
	}

	public @Nullable String transcript(RecordRef ref) {
		return values.getFirst("transcript." + ref.id());
	}

	@Nullable UUID caseId() {
		var value = values.getFirst("caseId");
		if (blank(value)) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("caseId", "案件标识无效 (not a case id)");
		}
	}

	/**
	 * The order the form asks for. With no record ticked the whole case goes; then a 证明目的 or transcript typed
	 * for any record is not dropped: every record of the case is named, each with what was typed for it.
	 */
	PackageOrder toOrder(List<PackageItem> candidates) {
		var items = new ArrayList<PackageOrder.Item>();
		var chosen = values.get("items");
		if (chosen != null && !chosen.isEmpty()) {
			for (var value : chosen) {
				var ref = ref(value);
				items.add(new PackageOrder.Item(ref.kind(), ref.id(), proves(ref), transcript(ref)));
			}
		}
		else if (candidates.stream().anyMatch(c -> !blank(proves(c.ref())) || !blank(transcript(c.ref())))) {
			for (var c : candidates) {
				items.add(new PackageOrder.Item(c.ref().kind(), c.ref().id(), proves(c.ref()), transcript(c.ref())));
			}
		}
		return new PackageOrder(recipientKind(values.getFirst("recipientKind")), values.getFirst("recipient"),
				values.getFirst("purpose"), caseId(), items);
	}

	/** A record as the page writes it: {@code RECORDING:<id>} or {@code DOCUMENT:<id>}. */
	static RecordRef ref(String value) {
		var colon = value.indexOf(':');
		try {
			return new RecordRef(RecordRef.Kind.valueOf(value.substring(0, Math.max(colon, 0))),
					UUID.fromString(value.substring(colon + 1)));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("items", "无法识别所选记录 (not a record): " + value);
		}
	}

	private static @Nullable PackageRecipientKind recipientKind(@Nullable String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return PackageRecipientKind.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}
}
