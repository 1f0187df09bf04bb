package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link NamedObjects} promises, whatever keeps them; each implementation's tests extend this. */
abstract class NamedObjectsContract {

	abstract NamedObjects objects();

	private static byte[] text(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	@DisplayName("ART-22 a named object is written once and read back as written")
	void writesAndReadsBack() {
		objects().write("anchor-00000000000000000100.json", text("{\"treeSize\":100}"));

		assertThat(objects().read("anchor-00000000000000000100.json")).hasValueSatisfying(
				bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"treeSize\":100}"));
		assertThat(objects().read("anchor-00000000000000000200.json")).isEmpty();
	}

	@Test
	@DisplayName("ART-22 an anchor cannot be overwritten: a second write of the same name is refused and the first stays")
	void refusesToOverwrite() {
		objects().write("anchor-1.json", text("first"));

		assertThatExceptionOfType(NamedObjects.NameTaken.class)
			.isThrownBy(() -> objects().write("anchor-1.json", text("forged")))
			.satisfies(e -> assertThat(e.name()).isEqualTo("anchor-1.json"));
		assertThat(objects().read("anchor-1.json")).hasValueSatisfying(
				bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("first"));
		assertThat(objects().list()).containsExactly("anchor-1.json");
	}

	@Test
	void listsNamesInOrder() {
		assertThat(objects().list()).isEmpty();
		objects().write("b-0002", text("2"));
		objects().write("b-0001", text("1"));
		objects().write("a-0003", text("3"));

		assertThat(objects().list()).containsExactly("a-0003", "b-0001", "b-0002");
	}

	@Test
	void refusesNamesThatCouldLeaveTheFolder() {
		for (var bad : new String[] { "", "../escape", "a/b", ".hidden", "名字" }) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> objects().write(bad, text("x")));
		}
		assertThat(objects().list()).isEmpty();
	}
}
