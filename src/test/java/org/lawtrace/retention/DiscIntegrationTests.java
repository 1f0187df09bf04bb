package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.Page;
import org.lawtrace.Patience;
import org.lawtrace.XorrisoAvailable;
import org.lawtrace.access.AccessApi;
import org.lawtrace.access.VerifyPackageCommand;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * ART-17: long-term material goes to optical disc as an ISO 9660 image made with xorriso, holding the BagIt package
 * and a plain verification list; the custodian keeps the disc register, and each disc read back is checked like
 * {@code verify-package} and recorded, a damaged one as failed naming the file.
 */
@LawTraceIntegrationTest
@ExtendWith(XorrisoAvailable.class)
class DiscIntegrationTests {

	private static final String CUSTODIAN = "zhao.min";

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	/** Images and unpacked discs of a test, removed after it. */
	@TempDir
	Path temp;

	@Test
	@DisplayName("ART-17: a long-term package's ISO image lists and extracts with xorriso, its verification list "
			+ "passes sha256sum -c, its package passes verify-package, and verify-disc passes the image and the "
			+ "mounted files; making and downloading it are logged")
	void imageListsExtractsAndVerifies() throws Exception {
		var packageId = evidencePackage();
		assertThat(candidates()).anySatisfy(c -> assertThat(c.id()).isEqualTo(packageId));
		var disc = make(packageId);
		assertThat(disc.label()).matches("LT-\\d{4}-\\d{4}");
		assertThat(disc.items()).singleElement().satisfies(i -> {
			assertThat(i.nameInImage()).matches("packages/evidence-package-\\d{8}-" + packageId.substring(0, 8) + "\\.zip");
			assertThat(i.sm3()).hasSize(64);
		});
		var image = download(disc);
		assertThat(sha256(Files.readAllBytes(image))).isEqualTo(disc.sha256());

		var listing = run(List.of("xorriso", "-indev", image.toString(), "-ls", "/", "/packages"), null);
		assertThat(listing.exit()).as(listing.output()).isZero();
		var name = disc.items().get(0).nameInImage();
		assertThat(listing.output()).contains("'SHA256SUMS'").contains("'VERIFICATION.txt'")
			.contains("'" + name.substring("packages/".length()) + "'");
		var mounted = Files.createTempDirectory(temp, "disc-");
		var extracted = mounted.resolve("disc");
		var extract = run(List.of("xorriso", "-indev", image.toString(), "-osirrox", "on", "-extract", "/",
				extracted.toString()), null);
		assertThat(extract.exit()).as(extract.output()).isZero();

		var sums = run(List.of("sha256sum", "-c", "--strict", "SHA256SUMS"), extracted);
		assertThat(sums.exit()).as(sums.output()).isZero();
		assertThat(sums.output()).contains(name + ": OK");
		assertThat(Files.readString(extracted.resolve("VERIFICATION.txt"))).contains(disc.label())
			.contains(disc.items().get(0).sm3()).contains("sha256sum -c SHA256SUMS");

		var pkg = command(out -> VerifyPackageCommand.run(new String[] {
				extracted.resolve(name).toString() }, out, out));
		assertThat(pkg.exit()).as(pkg.output()).isZero();
		var fromImage = command(out -> VerifyDiscCommand.run(new String[] { image.toString() }, out, out));
		assertThat(fromImage.exit()).as(fromImage.output()).isZero();
		assertThat(fromImage.output()).contains("verify-package").contains("VERIFIED");
		var fromMount = command(out -> VerifyDiscCommand.run(new String[] { extracted.toString() }, out, out));
		assertThat(fromMount.exit()).as(fromMount.output()).isZero();
		var notADisc = command(out -> VerifyDiscCommand.run(new String[] { mounted.resolve("none").toString() }, out, out));
		assertThat(notADisc.exit()).isEqualTo(2);

		await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(() -> assertThat(entries(disc.id()))
			.extracting(DiscApi.AuditEntry::action).contains("DISC_IMAGE_MADE", "DISC_IMAGE_DOWNLOADED"));
	}

	@Test
	@DisplayName("ART-17: reading a disc back is recorded: the image as burned passes; a damaged image fails, naming "
			+ "the damaged file, and verify-disc exits 1 on it")
	void readBackIsRecorded() throws Exception {
		var disc = make(evidencePackage());
		var image = download(disc);
		var good = upload(disc, Files.readAllBytes(image));
		assertThat(good.passed()).as(String.join("\n", good.findings())).isTrue();
		assertThat(good.imageMatches()).isTrue();
		assertThat(good.checkedBy()).isEqualTo(CUSTODIAN);

		var bytes = Files.readAllBytes(image);
		var zipStart = indexOf(bytes, new byte[] { 'P', 'K', 3, 4 });
		assertThat(zipStart).isPositive();
		bytes[zipStart + 4096] ^= 0x01;
		var damaged = upload(disc, bytes);
		var name = disc.items().get(0).nameInImage();
		assertThat(damaged.passed()).isFalse();
		assertThat(damaged.imageMatches()).isFalse();
		assertThat(damaged.findings()).anySatisfy(f -> assertThat(f).startsWith("FAIL  " + name + ": SHA-256 expected"));

		var now = Api.as(port, CUSTODIAN).get().uri("/api/v1/discs/{id}", disc.id()).exchange().expectStatus().isOk()
			.expectBody(DiscApi.Disc.class).returnResult().getResponseBody();
		assertThat(now.lastCheckPassed()).isFalse();
		assertThat(now.checks()).hasSize(2);

		var file = Files.createTempFile(temp, "damaged-", ".iso");
		Files.write(file, bytes);
		var cli = command(out -> VerifyDiscCommand.run(new String[] { file.toString() }, out, out));
		assertThat(cli.exit()).as(cli.output()).isEqualTo(1);
		assertThat(cli.output()).contains("FAIL  " + name + ": SHA-256 expected");

		Api.as(port, CUSTODIAN).get().uri("/discs/{id}", disc.id()).exchange().expectStatus().isOk()
			.expectBody(String.class).value(html -> {
				var page = Page.of(html);
				assertThat(page.all("tr.disc-check")).hasSize(2);
				assertThat(page.text("#disc-checks")).contains("未通过").contains(name + ": SHA-256 expected");
				assertThat(page.has("#check-path-form")).isTrue();
				assertThat(page.text("#disc-items")).contains(name).contains("证据材料包");
			});
		Api.as(port, "zhou.tao").get().uri("/discs/{id}", disc.id()).exchange().expectStatus().isOk()
			.expectBody(String.class).value(html -> Page.of(html).none("#check-path-form").none("#download-image"));
		Api.as(port, "zhou.tao").get().uri("/discs").exchange().expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(Page.of(html).none("#make-disc").text("#disc-register")).contains(disc.label()));
		Api.as(port, CUSTODIAN).get().uri("/discs").exchange().expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(Page.of(html).has("#make-disc-button")).isTrue());

		var pointed = Api.as(port, CUSTODIAN).post().uri("/api/v1/discs/{id}/checks", disc.id())
			.contentType(MediaType.APPLICATION_JSON).body(new DiscApi.Path(image.toString())).exchange()
			.expectStatus().isCreated().expectBody(DiscApi.Check.class).returnResult().getResponseBody();
		assertThat(pointed.passed()).isTrue();
		await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(() -> assertThat(entries(disc.id()))
			.filteredOn(e -> e.action().equals("DISC_CHECKED")).hasSize(3));
	}

	@Test
	@DisplayName("ART-17: the custodian records the burning and where the disc is kept; its yearly re-check falls due "
			+ "a year after burning and a read-back moves it a year on")
	void recheckFallsDueAfterAYear() throws Exception {
		var disc = make(evidencePackage());
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Api.as(port, CUSTODIAN).post().uri("/api/v1/discs/{id}/burning", disc.id())
			.contentType(MediaType.APPLICATION_JSON).body(new DiscApi.Burning(today.plusDays(2), "档案室 A-3 柜"))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("burnedOn");
		var burned = Api.as(port, CUSTODIAN).post().uri("/api/v1/discs/{id}/burning", disc.id())
			.contentType(MediaType.APPLICATION_JSON).body(new DiscApi.Burning(today, "档案室 A-3 柜")).exchange()
			.expectStatus().isOk().expectBody(DiscApi.Disc.class).returnResult().getResponseBody();
		assertThat(burned.burnedBy()).isEqualTo(CUSTODIAN);
		assertThat(burned.recheckDue()).isEqualTo(today.plusYears(1));
		Api.as(port, CUSTODIAN).post().uri("/api/v1/discs/{id}/burning", disc.id())
			.contentType(MediaType.APPLICATION_JSON).body(new DiscApi.Burning(today, "别处")).exchange()
			.expectStatus().isEqualTo(409);
		assertThat(due()).noneMatch(d -> d.id().equals(disc.id()));

		var image = download(disc);
		try {
			clock.advance(Duration.ofDays(367));
			assertThat(due()).anyMatch(d -> d.id().equals(disc.id()) && d.recheckDueNow());
			Api.as(port, CUSTODIAN).get().uri("/discs/fragments/due").exchange().expectStatus().isOk()
				.expectBody(String.class).value(html -> assertThat(Page.fragment(html).text("#discs-due"))
					.contains(disc.label()).contains("档案室 A-3 柜"));
			var check = upload(disc, Files.readAllBytes(image));
			assertThat(check.passed()).isTrue();
			assertThat(due()).noneMatch(d -> d.id().equals(disc.id()));
			clock.advance(Duration.ofDays(366));
			assertThat(due()).anyMatch(d -> d.id().equals(disc.id()));
		}
		finally {
			clock.reset();
		}
		var moved = Api.as(port, CUSTODIAN).post().uri("/api/v1/discs/{id}/location", disc.id())
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("location", "异地库房 2 号柜")).exchange()
			.expectStatus().isOk().expectBody(DiscApi.Disc.class).returnResult().getResponseBody();
		assertThat(moved.location()).isEqualTo("异地库房 2 号柜");
	}

	@Test
	@DisplayName("ART-13, ART-17: only the custodian makes disc images, downloads them and registers discs; officers, "
			+ "legal affairs, the director, discipline and the administrator are refused (403); the director and "
			+ "discipline see the register")
	void onlyTheCustodianKeepsDiscs() {
		var packageId = evidencePackage();
		var disc = make(packageId);
		for (var who : List.of("zhang.wei", "chen.jing", "liu.yang", "sun.li", "zhou.tao", "admin")) {
			Api.as(port, who).post().uri("/api/v1/discs").contentType(MediaType.APPLICATION_JSON)
				.body(new DiscApi.Order(List.of(new DiscApi.Choice("EVIDENCE_PACKAGE", packageId)))).exchange()
				.expectStatus().isForbidden();
			Api.as(port, who).post().uri("/api/v1/discs/{id}/burning", disc.id()).contentType(MediaType.APPLICATION_JSON)
				.body(new DiscApi.Burning(LocalDate.now(), "x")).exchange().expectStatus().isForbidden();
			Api.as(port, who).get().uri("/api/v1/discs/{id}/image", disc.id()).exchange().expectStatus().isForbidden();
			Api.as(port, who).post().uri("/api/v1/discs/{id}/checks", disc.id()).contentType(MediaType.APPLICATION_JSON)
				.body(new DiscApi.Path("/tmp")).exchange().expectStatus().isForbidden();
		}
		for (var who : List.of("sun.li", "zhou.tao", CUSTODIAN)) {
			Api.as(port, who).get().uri("/api/v1/discs").exchange().expectStatus().isOk();
			Api.as(port, who).get().uri("/api/v1/discs/due").exchange().expectStatus().isOk();
		}
		for (var who : List.of("zhang.wei", "chen.jing", "admin")) {
			Api.as(port, who).get().uri("/api/v1/discs").exchange().expectStatus().isForbidden();
		}
		Api.as(port, CUSTODIAN).post().uri("/api/v1/discs").contentType(MediaType.APPLICATION_JSON)
			.body(new DiscApi.Order(List.of())).exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.field").isEqualTo("items");
		Api.as(port, CUSTODIAN).post().uri("/api/v1/discs").contentType(MediaType.APPLICATION_JSON)
			.body(new DiscApi.Order(List.of(new DiscApi.Choice("EVIDENCE_PACKAGE", java.util.UUID.randomUUID().toString()))))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("items[0].id");
	}

	@Test
	@DisplayName("ART-17: packages of a case with an approved long-term mark come first among what may go on a disc, "
			+ "and the register tells which marked cases are on no disc yet and which disc holds the others")
	void longTermMarksAreListedWithTheirDiscs() {
		var made = evidencePackageOfCase();
		var caseId = made[0];
		var packageId = made[1];
		var mark = Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/long-term-marks")
			.contentType(MediaType.APPLICATION_JSON).body(new DiscApi.NewMark("CASE", caseId, "OBJECTION", "当事人信访"))
			.exchange().expectStatus().isCreated().expectBody(DiscApi.Mark.class).returnResult().getResponseBody();
		Api.as(port, "sun.li").post().uri("/api/v1/retention/long-term-marks/{id}/decision", mark.id())
			.contentType(MediaType.APPLICATION_JSON).body(new DiscApi.Decision(true, "同意")).exchange()
			.expectStatus().isOk();

		assertThat(candidates()).filteredOn(c -> c.id().equals(packageId)).singleElement()
			.satisfies(c -> assertThat(c.longTerm()).isTrue());
		assertThat(candidates().get(0).longTerm()).isTrue();
		assertThat(marked()).filteredOn(m -> m.reason() != null && m.reason().equals("当事人信访"))
			.anySatisfy(m -> assertThat(m.discLabels()).isEmpty());

		var disc = make(packageId);
		assertThat(marked()).anySatisfy(m -> assertThat(m.discLabels()).contains(disc.label()));
		Api.as(port, "zhou.tao").get().uri("/discs").exchange().expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(Page.of(html).text("#long-term-marked")).contains(disc.label())
				.contains("当事人提出异议、投诉或信访"));
	}

	@Test
	@DisplayName("ART-14, ART-17: a penalty case walked to its archive and marked long-term (approved by the deputy "
			+ "director in charge) has its archival package flagged among what may go on a disc; the disc's ISO image "
			+ "lists with xorriso, its verification list passes sha256sum -c, the package passes verify-package and "
			+ "the disc verify-disc, and the register shows the case on that disc")
	void archivalPackageOfALongTermCaseGoesOnDisc() throws Exception {
		var archive = new ArchiveScenario(port).archived();
		var packageId = archive.id() + "/v1";
		var reason = "当事人对处罚决定提出异议（档号 " + archive.archiveNumber() + "）";
		var mark = Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/long-term-marks")
			.contentType(MediaType.APPLICATION_JSON).body(new DiscApi.NewMark("CASE", archive.caseId(), "OBJECTION", reason))
			.exchange().expectStatus().isCreated().expectBody(DiscApi.Mark.class).returnResult().getResponseBody();
		// he.jun is in charge of other units than the handling team: only liu.yang (or the director) decides
		Api.as(port, "he.jun").post().uri("/api/v1/retention/long-term-marks/{id}/decision", mark.id())
			.contentType(MediaType.APPLICATION_JSON).body(new DiscApi.Decision(true, "同意")).exchange()
			.expectStatus().isForbidden();
		Api.as(port, "liu.yang").post().uri("/api/v1/retention/long-term-marks/{id}/decision", mark.id())
			.contentType(MediaType.APPLICATION_JSON).body(new DiscApi.Decision(true, "同意长期保存")).exchange()
			.expectStatus().isOk();

		assertThat(candidates()).filteredOn(c -> c.kind().equals(ArchivePackageMaterial.KIND)
				&& c.id().equals(packageId)).singleElement().satisfies(c -> {
					assertThat(c.longTerm()).isTrue();
					assertThat(c.title()).contains(archive.archiveNumber());
				});
		var disc = make(ArchivePackageMaterial.KIND, packageId);
		var name = disc.items().get(0).nameInImage();
		assertThat(disc.items()).singleElement().satisfies(i -> {
			assertThat(i.sourceKind()).isEqualTo(ArchivePackageMaterial.KIND);
			assertThat(i.sourceId()).isEqualTo(packageId);
			assertThat(i.sha256()).isEqualTo(archive.versions().get(0).sha256());
			assertThat(name).isEqualTo("packages/archive-" + archive.archiveNumber() + "-" + archive.id().substring(0, 8)
					+ "-v1.zip");
		});
		var image = download(disc);

		var listing = run(List.of("xorriso", "-indev", image.toString(), "-ls", "/", "/packages"), null);
		assertThat(listing.exit()).as(listing.output()).isZero();
		assertThat(listing.output()).contains("'SHA256SUMS'").contains("'VERIFICATION.txt'")
			.contains("'" + name.substring("packages/".length()) + "'");
		var extracted = Files.createTempDirectory(temp, "disc-").resolve("disc");
		var extract = run(List.of("xorriso", "-indev", image.toString(), "-osirrox", "on", "-extract", "/",
				extracted.toString()), null);
		assertThat(extract.exit()).as(extract.output()).isZero();
		var sums = run(List.of("sha256sum", "-c", "--strict", "SHA256SUMS"), extracted);
		assertThat(sums.exit()).as(sums.output()).isZero();
		assertThat(sums.output()).contains(name + ": OK");

		var pkg = command(out -> VerifyPackageCommand.run(new String[] { extracted.resolve(name).toString() }, out, out));
		assertThat(pkg.exit()).as(pkg.output()).isZero();
		var fromImage = command(out -> VerifyDiscCommand.run(new String[] { image.toString() }, out, out));
		assertThat(fromImage.exit()).as(fromImage.output()).isZero();
		assertThat(fromImage.output()).contains(name + ": verify-package").contains("VERIFIED");
		var fromMount = command(out -> VerifyDiscCommand.run(new String[] { extracted.toString() }, out, out));
		assertThat(fromMount.exit()).as(fromMount.output()).isZero();

		assertThat(marked()).filteredOn(m -> reason.equals(m.reason())).singleElement()
			.satisfies(m -> assertThat(m.discLabels()).containsExactly(disc.label()));
	}

	private List<DiscApi.Marked> marked() {
		return List.of(Api.as(port, "sun.li").get().uri("/api/v1/discs/marked").exchange().expectStatus().isOk()
			.expectBody(DiscApi.Marked[].class).returnResult().getResponseBody());
	}

	private DiscApi.Disc make(String packageId) {
		return make("EVIDENCE_PACKAGE", packageId);
	}

	private DiscApi.Disc make(String kind, String packageId) {
		return Api.as(port, CUSTODIAN).post().uri("/api/v1/discs").contentType(MediaType.APPLICATION_JSON)
			.body(new DiscApi.Order(List.of(new DiscApi.Choice(kind, packageId)))).exchange()
			.expectStatus().isCreated().expectBody(DiscApi.Disc.class).returnResult().getResponseBody();
	}

	private List<DiscApi.Candidate> candidates() {
		return List.of(Api.as(port, CUSTODIAN).get().uri("/api/v1/discs/candidates").exchange().expectStatus().isOk()
			.expectBody(DiscApi.Candidate[].class).returnResult().getResponseBody());
	}

	private List<DiscApi.Disc> due() {
		return List.of(Api.as(port, CUSTODIAN).get().uri("/api/v1/discs/due").exchange().expectStatus().isOk()
			.expectBody(DiscApi.Disc[].class).returnResult().getResponseBody());
	}

	private Path download(DiscApi.Disc disc) throws Exception {
		var bytes = Api.as(port, CUSTODIAN).get().uri(disc.image()).exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		var file = Files.createTempFile(temp, disc.label() + "-", ".iso");
		Files.write(file, bytes);
		return file;
	}

	private DiscApi.Check upload(DiscApi.Disc disc, byte[] image) {
		return Api.as(port, CUSTODIAN).post().uri("/api/v1/discs/{id}/checks", disc.id())
			.contentType(MediaType.APPLICATION_OCTET_STREAM).body(image).exchange().expectStatus().isCreated()
			.expectBody(DiscApi.Check.class).returnResult().getResponseBody();
	}

	private String evidencePackage() {
		return evidencePackageOfCase()[1];
	}

	/** An evidence package of a case with one video, made by legal affairs: the BagIt zip a disc holds today. */
	private String[] evidencePackageOfCase() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var made = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "deviceSerial", "DSJ-A8-000777",
				"caseId", caseId), Media.mp4(made, Duration.ofMinutes(5), 64 * 1024, System.nanoTime()), "现场.mp4")
			.expectStatus().isCreated();
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);
		var id = Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.PackageOrder.wholeCase("COURT", "东阳市人民法院", "长期保存：当事人信访", caseId)).exchange()
			.expectStatus().isCreated().expectBody(AccessApi.PackageView.class).returnResult().getResponseBody().id();
		return new String[] { caseId, id };
	}

	private List<DiscApi.AuditEntry> entries(String discId) {
		return Api.as(port, CUSTODIAN).get().uri("/api/v1/audit/entries?size=500&subjectType=DISC&subjectId=" + discId)
			.exchange().expectStatus().isOk().expectBody(DiscApi.AuditPage.class).returnResult().getResponseBody()
			.items();
	}

	private record Ran(int exit, String output) {
	}

	private interface Command {

		int run(PrintStream out);
	}

	private static Ran command(Command command) {
		var out = new ByteArrayOutputStream();
		var code = command.run(new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Ran(code, out.toString(StandardCharsets.UTF_8));
	}

	private static Ran run(List<String> line, Path in) throws Exception {
		var builder = new ProcessBuilder(line).redirectErrorStream(true);
		if (in != null) {
			builder.directory(in.toFile());
		}
		var process = builder.start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Ran(process.exitValue(), output);
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (var i = 0; i <= haystack.length - needle.length; i++) {
			for (var j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
