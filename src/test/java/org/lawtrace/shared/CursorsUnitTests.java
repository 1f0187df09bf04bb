package org.lawtrace.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CursorsUnitTests {

	private final Random random = new Random(17);

	private UUID any() {
		return new UUID(random.nextLong(), random.nextLong());
	}

	@Test
	@DisplayName("ids sort as the databases sort a uuid column: the text form's order (unsigned bytes), not UUID.compareTo")
	void uuidOrderIsTheDatabasesOrder() {
		var ids = IntStream.range(0, 2000).mapToObj(i -> any()).toList();
		var byDatabase = ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();
		assertThat(ids.stream().sorted(Cursors.UUID_ORDER).toList()).isEqualTo(byDatabase);
		// the JDK's own order compares signed halves: it disagrees, which is why the merge must not use it
		assertThat(ids.stream().sorted().toList()).isNotEqualTo(byDatabase);
	}

	record Child(UUID parent, int n) {
	}

	@Test
	@DisplayName("children sorted by parent are handed to each parent in turn; a parent without children gets none, "
			+ "a child whose parent is missing is skipped without holding up the rest")
	void childrenBesideParents() {
		var parents = IntStream.range(0, 50).mapToObj(i -> any()).sorted(Cursors.UUID_ORDER).toList();
		var children = new ArrayList<Child>();
		var orphan = any();
		for (int i = 0; i < parents.size(); i++) {
			for (int n = 0; n < i % 3; n++) {
				children.add(new Child(parents.get(i), n));
			}
		}
		children.add(new Child(orphan, 99));
		children.sort(Comparator.comparing(Child::parent, Cursors.UUID_ORDER));
		var walker = new Cursors.Children<>(children.stream(), Child::parent);
		var taken = new ArrayList<Child>();
		for (int i = 0; i < parents.size(); i++) {
			List<Child> of = walker.of(parents.get(i));
			assertThat(of).hasSize(i % 3);
			var parent = parents.get(i);
			assertThat(of).allMatch(c -> c.parent().equals(parent));
			taken.addAll(of);
		}
		assertThat(taken).hasSize(children.size() - 1).doesNotContain(new Child(orphan, 99));
		assertThat(new Cursors.Children<>(Stream.<Child>empty(), Child::parent).of(parents.get(0))).isEmpty();
	}
}
