package org.lawtrace.documents.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.lawtrace.documents.Direction;
import org.lawtrace.documents.DocumentKind;
import org.lawtrace.documents.Volume;

/**
 * The document kinds a register form offers, grouped as an officer looks for them: 笔录 first, then the bureau's
 * own documents, internal forms and the party's materials; within a group by name in 拼音 order. The kinds the case
 * file makes itself (cover, contents list, remarks sheet) are not offered.
 */
record KindGroup(Direction direction, List<DocumentKind> kinds) {

	private static final List<Direction> ORDER = List.of(Direction.RECORD, Direction.EXTERNAL, Direction.INTERNAL,
			Direction.PARTY);

	static List<KindGroup> of(List<DocumentKind> kinds) {
		var byName = Comparator.comparing(DocumentKind::chineseName, Collator.getInstance(Locale.SIMPLIFIED_CHINESE));
		return Arrays.stream(Direction.values())
			.sorted(Comparator.comparingInt(d -> ORDER.contains(d) ? ORDER.indexOf(d) : ORDER.size()))
			.map(d -> new KindGroup(d, kinds.stream().filter(k -> k.direction() == d && k.volume() != Volume.NONE)
				.sorted(byName).toList()))
			.filter(g -> !g.kinds().isEmpty())
			.toList();
	}
}
