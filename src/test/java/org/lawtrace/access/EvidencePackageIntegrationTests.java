package org.lawtrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.PackagedJar;
import org.lawtrace.documents.Pdfs;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * ART-18, ART-19, ART-22: evidence packages for reconsideration bodies and courts, made only by the legal affairs
 * unit, checked by an independent BagIt implementation and by {@code verify-package}, which names whatever was
 * altered.
 */
@LawTraceIntegrationTest
class EvidencePackageIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	@DisplayName("ART-19: only the legal affairs unit makes evidence packages; officers, discipline, the director and "
			+ "the administrator are refused (403), and the refusal is logged")
	void onlyLegalAffairsMakesPackages() {
		var caseId = caseWithRecordings(false);
		for (var who : List.of("zhang.wei", "zhou.tao", "sun.li", "admin", "zhao.min")) {
			Api.as(port, who).post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
				.body(order(caseId)).exchange().expectStatus().isForbidden();
		}
		Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
			.body(order(caseId)).exchange().expectStatus().isCreated();
		await().atMost(Duration.ofSeconds(20)).until(() -> entries("actor=zhou.tao&subjectType=REQUEST").stream()
			.anyMatch(e -> e.subjectId().equals("POST /api/v1/evidence-packages") && e.outcome().equals("DENIED")));
	}

	@Test
	@DisplayName("ART-18, ART-19: a case's package holds its originals with metadata per item and the chain of custody; "
			+ "the Library of Congress BagIt implementation validates it, verify-package (in the packaged jar too) passes "
			+ "it, and its making and download are logged")
	void packageOfACaseValidatesIndependently() throws Exception {
		var caseId = caseWithRecordings(true);
		var made = create(AccessApi.PackageOrder.wholeCase("COURT", "东阳市人民法院", "证明当事人销售过期食品的现场情况", caseId));
		assertThat(made.itemCount()).isEqualTo(2);
		var zip = download(made.id());

		var base = Bags.unzip(zip);
		var bag = Bags.validate(base);
		assertThat(bag.getPayLoadManifests()).extracting(m -> m.getAlgorithm().getBagitName())
			.containsExactlyInAnyOrder("sha256", "sm3");
		assertThat(bag.getPayLoadManifests()).allSatisfy(m -> assertThat(m.getFileToChecksumMap()).hasSize(2));
		assertThat(Files.readString(base.resolve("README.txt"))).contains("核验说明").contains("verify-package");

		var items = JSON.readValue(base.resolve("metadata/items.json").toFile(), AccessApi.BagItems.class).items();
		assertThat(items).extracting(AccessApi.BagItem::kind).containsExactlyInAnyOrder("VIDEO", "AUDIO");
		assertThat(items).allSatisfy(i -> {
			assertThat(i.offeredToProve()).isEqualTo("证明当事人销售过期食品的现场情况");
			assertThat(i.madeBy()).contains("zhang.wei");
			assertThat(i.method()).isNotBlank();
			assertThat(i.carrier()).contains("DSJ-A8-000777");
			assertThat(Files.exists(base.resolve(i.file()))).isTrue();
		});
		// the transcript slot the evidence rules ask of sound recordings
		assertThat(items).filteredOn(i -> i.kind().equals("AUDIO")).extracting(AccessApi.BagItem::transcript)
			.containsExactly("");
		var custody = JSON.readValue(base.resolve("custody/entries.json").toFile(), List.class);
		assertThat(custody).isNotEmpty();

		var verified = verifyPackage(zip);
		assertThat(verified.exitCode()).as(verified.output()).isZero();
		assertThat(verified.output()).contains("OK    checkpoint signature").contains("VERIFIED")
			.contains("is the original logged at upload");

		var file = Files.createTempFile("evidence-package-", ".zip");
		Files.write(file, zip);
		var jar = PackagedJar.offline("verify-package", file.toString());
		assertThat(jar.exitCode()).as(jar.output()).isZero();
		assertThat(jar.output()).contains("VERIFIED");

		var id = made.id();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				entries("subjectType=PACKAGE&subjectId=" + id)).extracting(AccessApi.AuditEntry::action)
			.containsExactly("PACKAGE_CREATED", "PACKAGE_DOWNLOADED"));
		assertThat(entries("subjectType=PACKAGE&subjectId=" + id).get(0).actor()).isEqualTo("chen.jing");
		assertThat(entries("subjectType=PACKAGE&subjectId=" + id).get(0).detail())
			.contains("recipient=东阳市人民法院").contains("items=2");
		var recording = items.get(0).id();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				entries("subjectType=RECORDING&subjectId=" + recording)).extracting(AccessApi.AuditEntry::action)
			.contains("UPLOAD", "EXPORT"));
	}

	@Test
	@DisplayName("ART-22: verify-package fails, naming it, on one byte altered in an original, on a custody entry "
			+ "altered even with the tag manifests recomputed, and on a forged checkpoint signature; 2 for a non-zip")
	void verifyPackageNamesWhatWasAltered() throws Exception {
		var caseId = caseWithRecordings(false);
		var made = create(AccessApi.PackageOrder.wholeCase("RECONSIDERATION_BODY", "东阳市人民政府", "行政复议答复证据", caseId));
		var zip = download(made.id());
		var payload = Bags.entries(zip).keySet().stream().filter(n -> n.contains("/data/recordings/")).findFirst()
			.orElseThrow();
		var payloadPath = payload.substring(payload.indexOf('/') + 1);

		var flipped = verifyPackage(Bags.rewrite(zip, payloadPath, b -> {
			var copy = b.clone();
			copy[copy.length / 2] ^= 0x01;
			return copy;
		}, false));
		assertThat(flipped.exitCode()).isEqualTo(1);
		assertThat(flipped.output()).containsPattern("FAIL  " + payloadPath.replace(".", "\\.")
				+ ": SHA-256 expected [0-9a-f]{64} \\(manifest-sha256.txt\\), actual [0-9a-f]{64}");
		assertThat(flipped.output()).contains("FAIL  " + payloadPath + ": SM3 expected");

		var custodyChanged = verifyPackage(Bags.rewrite(zip, "custody/entries.json",
				b -> new String(b, StandardCharsets.UTF_8).replaceFirst("\"actor\" ?: ?\"[a-z.]+\"", "\"actor\":\"someone.else\"")
					.getBytes(StandardCharsets.UTF_8), true));
		assertThat(custodyChanged.exitCode()).isEqualTo(1);
		assertThat(custodyChanged.output()).containsPattern("FAIL  custody entry \\d+: leaf hash expected [0-9a-f]{64} "
				+ "\\(as logged\\), actual [0-9a-f]{64}");
		assertThat(custodyChanged.output()).doesNotContain("FAIL  tagmanifest").doesNotContain("FAIL  custody/");

		var unhidden = verifyPackage(Bags.rewrite(zip, "custody/entries.json",
				b -> new String(b, StandardCharsets.UTF_8).replaceFirst("\"actor\" ?: ?\"[a-z.]+\"", "\"actor\":\"someone.else\"")
					.getBytes(StandardCharsets.UTF_8), false));
		assertThat(unhidden.output()).contains("FAIL  custody/entries.json: SHA-256 expected");

		var forged = verifyPackage(Bags.rewrite(zip, "custody/checkpoint.json", b -> {
			var text = new String(b, StandardCharsets.UTF_8);
			var at = text.indexOf("\"signature\"");
			var digit = text.indexOf('"', text.indexOf(':', at) + 1) + 10;
			var swapped = text.charAt(digit) == '0' ? '1' : '0';
			return (text.substring(0, digit) + swapped + text.substring(digit + 1)).getBytes(StandardCharsets.UTF_8);
		}, true));
		assertThat(forged.exitCode()).isEqualTo(1);
		assertThat(forged.output()).contains("FAIL  checkpoint signature: the SM2-SM3 signature of the checkpoint");

		var notAZip = Files.createTempFile("not-a-package-", ".zip");
		Files.writeString(notAZip, "hello");
		assertThat(VerifyPackageCommand.run(new String[] { notAZip.toString() }, new PrintStream(
				new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
	}

	@Test
	@DisplayName("ART-19, ART-20: legal affairs packs only records an approved request has opened to it; without one "
			+ "the package is refused (403), nothing is made, and the attempt is logged against the record")
	void packsOnlyApprovedRecords() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var recording = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId),
				Media.mp4(Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(1), 4096, System.nanoTime()),
				"unapproved.mp4")
			.expectStatus().isCreated().expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();
		var before = Api.as(port, "chen.jing").get().uri("/api/v1/evidence-packages?limit=500").exchange()
			.expectBody(AccessApi.PackageView[].class).returnResult().getResponseBody().length;

		Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
			.body(order(caseId)).exchange().expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		Api.as(port, "chen.jing").get().uri("/api/v1/evidence-packages?limit=500").exchange()
			.expectBody(AccessApi.PackageView[].class)
			.value(l -> assertThat(l).hasSize(before));
		assertThat(entries("subjectType=RECORDING&subjectId=" + recording)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("EXPORT");
			assertThat(e.outcome()).isEqualTo("REFUSED");
			assertThat(e.actor()).isEqualTo("chen.jing");
		});

		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);
		Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
			.body(order(caseId)).exchange().expectStatus().isCreated();
	}

	@Test
	@DisplayName("ART-19: an order without a recipient, or naming a record of another case, is refused with the field "
			+ "at fault, and nothing is made")
	void refusesBadOrders() {
		var caseId = caseWithRecordings(false);
		var other = caseWithRecordings(false);
		var otherRecording = recordingsOf(other).get(0);
		var before = Api.as(port, "chen.jing").get().uri("/api/v1/evidence-packages?limit=500").exchange()
			.expectBody(AccessApi.PackageView[].class).returnResult().getResponseBody().length;

		Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.PackageOrder.wholeCase("COURT", null, "证明", caseId)).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("recipient");
		Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
			.body(new AccessApi.PackageOrder("COURT", "东阳市人民法院", "证明", caseId,
					List.of(new AccessApi.OrderItem("RECORDING", otherRecording, null))))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("items[0].id");
		Api.as(port, "chen.jing").get().uri("/api/v1/evidence-packages?limit=500").exchange()
			.expectBody(AccessApi.PackageView[].class)
			.value(l -> assertThat(l).hasSize(before));
	}

	@Test
	@DisplayName("ART-05, ART-19: text records join packages: a case's document goes into data/documents beside its "
			+ "recordings, chosen by kind DOCUMENT, and the package still validates and verifies")
	void documentsJoinPackages() throws Exception {
		var caseId = caseWithRecordings(false);
		var body = new MultipartBodyBuilder();
		body.part("metadata", new AccessApi.DocumentMetadata("ADVANCE_NOTICE", caseId, "行政处罚告知书"),
				MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(Pdfs.pages(2))).filename("notice.pdf")
			.contentType(MediaType.APPLICATION_PDF);
		var document = Api.as(port, "zhang.wei").post().uri("/api/v1/documents")
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange().expectStatus().isCreated()
			.expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();

		var wholeCase = create(order(caseId));
		assertThat(wholeCase.itemCount()).isEqualTo(3);
		var chosen = create(new AccessApi.PackageOrder("COURT", "东阳市人民法院", "证明已告知", caseId,
				List.of(new AccessApi.OrderItem("DOCUMENT", document, "证明已履行告知程序"))));
		var zip = download(chosen.id());
		var base = Bags.unzip(zip);
		Bags.validate(base);
		var items = JSON.readValue(base.resolve("metadata/items.json").toFile(), AccessApi.BagItems.class).items();
		assertThat(items).singleElement().satisfies(i -> {
			assertThat(i.file()).isEqualTo("data/documents/" + document + ".pdf");
			assertThat(i.kind()).isEqualTo("ADVANCE_NOTICE");
			assertThat(i.offeredToProve()).isEqualTo("证明已履行告知程序");
			assertThat(i.transcript()).isNull();
		});
		var verified = verifyPackage(zip);
		assertThat(verified.exitCode()).as(verified.output()).isZero();
	}

	private AccessApi.PackageOrder order(String caseId) {
		return AccessApi.PackageOrder.wholeCase("COURT", "东阳市人民法院", "证明违法事实", caseId);
	}

	private AccessApi.PackageView create(AccessApi.PackageOrder order) {
		return Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
			.body(order).exchange().expectStatus().isCreated().expectBody(AccessApi.PackageView.class).returnResult()
			.getResponseBody();
	}

	private byte[] download(String id) {
		return Api.as(port, "chen.jing").get().uri("/api/v1/evidence-packages/{id}/content", id).exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
	}

	/** A case with a video and a sound recording uploaded into it; with {@code logged}, waits for their UPLOAD entries. */
	private String caseWithRecordings(boolean logged) {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var made = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		var seed = System.nanoTime();
		var video = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "deviceSerial",
				"DSJ-A8-000777", "caseId", caseId), Media.mp4(made, Duration.ofMinutes(5), 64 * 1024, seed), "现场.mp4")
			.expectStatus().isCreated().expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();
		var sound = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "deviceSerial",
				"DSJ-A8-000777", "caseId", caseId, "startedAt", made.toString(), "endedAt", made.plusSeconds(2).toString()),
				Media.wav(2, seed), "询问.wav")
			.expectStatus().isCreated().expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);
		if (logged) {
			await().atMost(Duration.ofSeconds(20)).until(() -> List.of(video, sound).stream()
				.allMatch(id -> entries("subjectType=RECORDING&subjectId=" + id).stream()
					.anyMatch(e -> e.action().equals("UPLOAD"))));
		}
		return caseId;
	}

	private List<String> recordingsOf(String caseId) {
		var page = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings?caseId={id}", caseId).exchange()
			.expectStatus().isOk().expectBody(AccessApi.RecordingPage.class).returnResult().getResponseBody();
		return page.items().stream().map(AccessApi.RecordingView::id).toList();
	}

	private List<AccessApi.AuditEntry> entries(String query) {
		// the custodian sees every record's chain of custody (ART-13); others only where they may see the record
		var page = Api.as(port, "zhao.min").get().uri("/api/v1/audit/entries?size=500&" + query).exchange()
			.expectStatus().isOk().expectBody(AccessApi.AuditPage.class).returnResult().getResponseBody();
		return page.items();
	}

	private record Result(int exitCode, String output) {
	}

	private static Result verifyPackage(byte[] zip) throws Exception {
		var file = Files.createTempFile("evidence-package-", ".zip");
		Files.write(file, zip);
		var out = new ByteArrayOutputStream();
		var code = VerifyPackageCommand.run(new String[] { file.toString() }, new PrintStream(out, true,
				StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8));
	}
}
