package org.lawtrace.retention.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.retention.Disc;
import org.lawtrace.retention.DiscRegister;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.shared.StaffId;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Long-term preservation discs over REST (ART-17): the custodian makes images, downloads them to burn, records the
 * burning, where each disc is kept and what reading it back found; the director and the discipline unit see the
 * register and which discs are due for their yearly re-check.
 */
@RestController
@RequestMapping("/api/v1/discs")
class DiscController {

	private final DiscRegister register;
	private final StaffDirectory staff;
	private final BureauTime time;

	DiscController(DiscRegister register, StaffDirectory staff, BureauTime time) {
		this.register = register;
		this.staff = staff;
		this.time = time;
	}

	/** Every disc, newest first. */
	@GetMapping
	@Permissions.SeeDiscs
	List<DiscView> all() {
		return register.all().stream().map(this::summary).toList();
	}

	/** Burned discs whose yearly read-back is due or overdue, the most overdue first. */
	@GetMapping("/due")
	@Permissions.SeeDiscs
	List<DiscView> due() {
		return register.due().stream().map(this::summary).toList();
	}

	/** Every case and record with an approved long-term mark, and the discs that hold it (none: still to burn). */
	@GetMapping("/marked")
	@Permissions.SeeDiscs
	List<DiscRegister.Marked> marked() {
		return register.marked();
	}

	/** The packages a disc may hold now. */
	@GetMapping("/candidates")
	@Permissions.KeepDiscs
	List<DiscRegister.Candidate> candidates() {
		return register.candidates();
	}

	/** Makes a disc image of the chosen packages with its verification list: 201 with the disc. */
	@PostMapping
	@Permissions.KeepDiscs
	ResponseEntity<DiscView> make(@RequestBody DiscOrder order, Authentication caller) {
		var disc = register.make(order.items() == null ? List.of() : order.items(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/discs/" + disc.id())).body(view(disc));
	}

	/**
	 * One disc of the register: its label, the image's digest, the packages it holds, where it is kept, when it was
	 * burned and every read-back with its findings. 404 for an unknown id.
	 */
	@GetMapping("/{id}")
	@Permissions.SeeDiscs
	DiscView one(@PathVariable UUID id) {
		return view(register.require(id));
	}

	/** The ISO 9660 image as stored, to burn; logged (DISC_IMAGE_DOWNLOADED). */
	@GetMapping("/{id}/image")
	@Permissions.KeepDiscs
	ResponseEntity<Resource> image(@PathVariable UUID id, Authentication caller) {
		var disc = register.require(id);
		var in = register.image(id, caller.getName());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-iso9660-image"))
			.contentLength(disc.image().sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(disc.label() + ".iso").build().toString())
			.header("Digest", "sha-256=" + disc.image().sha256())
			.body(new InputStreamResource(in));
	}

	/** Records the burning: {@code burnedOn}, {@code location}; the caller is who burned it. */
	@PostMapping("/{id}/burning")
	@Permissions.KeepDiscs
	DiscView burned(@PathVariable UUID id, @RequestBody Burning burning, Authentication caller) {
		return view(register.recordBurning(id, burning.burnedOn(), burning.location(), caller.getName()));
	}

	/** Records where the disc is now kept. */
	@PostMapping("/{id}/location")
	@Permissions.KeepDiscs
	DiscView relocated(@PathVariable UUID id, @RequestBody Relocation relocation, Authentication caller) {
		return view(register.relocate(id, relocation.location(), caller.getName()));
	}

	/**
	 * Records a read-back: the body is the image read from the disc ({@code application/octet-stream}, streamed), or
	 * JSON {@code {"path": ...}} naming a mounted disc or an image file on the server. 201 with the check, passed or
	 * not; a failed one names each file that failed in {@code findings} and raises an integrity alarm.
	 */
	@PostMapping("/{id}/checks")
	@Permissions.KeepDiscs
	ResponseEntity<CheckView> check(@PathVariable UUID id, HttpServletRequest request, Authentication caller)
			throws IOException {
		var type = request.getContentType() == null ? "" : request.getContentType();
		Disc.Check check;
		if (type.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
			var body = new String(request.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			check = register.checkAt(id, pathOf(body), caller.getName());
		}
		else if (type.startsWith(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
			check = register.checkUploaded(id, request.getInputStream(), caller.getName());
		}
		else {
			throw new InvalidInput("image", "请上传读回的镜像（application/octet-stream）或以 JSON 指明路径 "
					+ "(send the image read back as application/octet-stream, or JSON {\"path\": ...})");
		}
		return ResponseEntity.created(URI.create("/api/v1/discs/" + id + "/checks/" + check.id())).body(checkView(check));
	}

	private static @Nullable String pathOf(String json) {
		try {
			var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
			var path = node.get("path");
			return path == null || path.isNull() ? null : path.asString();
		}
		catch (tools.jackson.core.JacksonException e) {
			throw new InvalidInput("path", "不是有效的 JSON (not JSON)");
		}
	}

	record DiscOrder(@Nullable List<DiscRegister.Choice> items) {
	}

	record Burning(@Nullable LocalDate burnedOn, @Nullable String location) {
	}

	record Relocation(@Nullable String location) {
	}

	record DiscView(UUID id, String label, String sha256, @Nullable String sm3, long sizeBytes, String madeBy,
			OffsetDateTime madeAt, String madeWith, @Nullable LocalDate burnedOn, @Nullable String burnedBy,
			@Nullable String location, @Nullable LocalDate lastCheckedOn, @Nullable Boolean lastCheckPassed,
			@Nullable LocalDate recheckDue, boolean recheckDueNow, @Nullable List<ItemView> items,
			@Nullable List<CheckView> checks, String image) {
	}

	record ItemView(int position, String sourceKind, String sourceId, String title, String nameInImage, String sha256,
			@Nullable String sm3, long sizeBytes) {
	}

	record CheckView(UUID id, OffsetDateTime checkedAt, String checkedBy, @Nullable String imageSha256,
			@Nullable Boolean imageMatches, boolean passed, List<String> findings, String source) {
	}

	private DiscView summary(Disc d) {
		return view(d, null, null);
	}

	private DiscView view(Disc d) {
		return view(d, register.items(d.id()).stream().map(DiscController::itemView).toList(),
				register.checks(d.id()).stream().map(this::checkView).toList());
	}

	private DiscView view(Disc d, @Nullable List<ItemView> items, @Nullable List<CheckView> checks) {
		var every = register.recheckEvery();
		return new DiscView(d.id(), d.label(), d.image().sha256(), d.image().sm3(), d.image().sizeBytes(),
				username(d.madeBy()), time.local(d.madeAt()), d.madeWith(), d.burnedOn(),
				d.burnedBy() == null ? null : username(d.burnedBy()), d.location(), d.lastCheckedOn(),
				d.lastCheckPassed(), d.recheckDue(every), d.recheckDueOn(time.today(), every), items, checks,
				"/api/v1/discs/" + d.id() + "/image");
	}

	private static ItemView itemView(Disc.Item i) {
		return new ItemView(i.position(), i.sourceKind(), i.sourceId(), i.title(), i.nameInImage(), i.digest().sha256(),
				i.digest().sm3(), i.digest().sizeBytes());
	}

	private CheckView checkView(Disc.Check c) {
		return new CheckView(c.id(), time.local(c.checkedAt()), username(c.checkedBy()), c.imageSha256(),
				c.imageMatches(), c.passed(), c.findings().lines().toList(), c.source());
	}

	private String username(StaffId id) {
		return staff.byId(id).map(StaffMember::username).orElse(id.toString());
	}
}
