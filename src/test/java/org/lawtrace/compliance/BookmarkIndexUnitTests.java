package org.lawtrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BookmarkIndexUnitTests {

	@Test
	@DisplayName("ART-06: a full run's index of bookmarks gives each recording the kinds it was marked with, however the "
			+ "rows came, and none to a recording never marked")
	void kindsPerRecording() {
		var random = new Random(6);
		var expected = new HashMap<UUID, Set<BookmarkKind>>();
		var builder = new BookmarkIndex.Builder();
		var kinds = BookmarkKind.values();
		for (int i = 0; i < 5000; i++) {
			// a few hundred recordings, marked several times each, in no order; ids with either sign in each half
			var id = new UUID(random.nextLong() % 300, random.nextInt(2) == 0 ? -1 : 1);
			var kind = kinds[random.nextInt(kinds.length)];
			builder.add(id, kind);
			expected.computeIfAbsent(id, k -> EnumSet.noneOf(BookmarkKind.class)).add(kind);
		}
		var index = builder.build();
		assertThat(index.recordings()).isEqualTo(expected.size());
		expected.forEach((id, marked) -> assertThat(index.of(id)).as(id.toString()).isEqualTo(marked));
		// rows as the database sends them, sorted by recording: merged without sorting, to the same index
		var sorted = new BookmarkIndex.Builder();
		expected.keySet().stream().sorted(org.lawtrace.shared.Cursors.UUID_ORDER)
			.forEach(id -> expected.get(id).forEach(kind -> sorted.add(id, kind)));
		var fromSorted = sorted.build();
		assertThat(fromSorted.recordings()).isEqualTo(expected.size());
		expected.forEach((id, marked) -> assertThat(fromSorted.of(id)).isEqualTo(marked));
		var never = new UUID(1000, 7);
		assertThat(index.of(never)).isEmpty();
		var some = List.copyOf(expected.keySet()).subList(0, 10);
		Map<UUID, Set<BookmarkKind>> batch = index.of(new java.util.ArrayList<>(some) {
			{
				add(never);
			}
		});
		assertThat(batch).hasSize(10).doesNotContainKey(never);
		assertThat(new BookmarkIndex.Builder().build().of(never)).isEmpty();
	}
}
