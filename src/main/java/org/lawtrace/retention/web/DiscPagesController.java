package org.lawtrace.retention.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.retention.Disc;
import org.lawtrace.retention.DiscRegister;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.web.MultipartReader;
import org.lawtrace.shared.web.PageActions;
import org.lawtrace.shared.web.PageText;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The custodian's pages for long-term preservation discs (长期保存光盘, ART-17): the discs due for their yearly
 * re-check, the register, making an image of chosen packages, and per disc its contents, burning, location and
 * read-backs. The director and the discipline unit see the same pages without the forms. People by name, no ids.
 */
@Controller
class DiscPagesController {

	/** Ids inside verify-package's findings are shortened on a page: the full text is in the register's API. */
	private static final Pattern UUID_TEXT = Pattern
		.compile("([0-9a-fA-F]{8})-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final DiscRegister register;
	private final StaffDirectory staff;
	private final BureauTime time;

	DiscPagesController(DiscRegister register, StaffDirectory staff, BureauTime time) {
		this.register = register;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping("/discs")
	@Permissions.SeeDiscs
	String list(Model model, Authentication caller) {
		var all = register.all().stream().map(this::row).toList();
		model.addAttribute("due", register.due().stream().map(this::row).toList());
		model.addAttribute("discs", all);
		model.addAttribute("keeper", Permission.KEEP_DISCS.grantedTo(caller));
		model.addAttribute("available", register.imagesAvailable());
		model.addAttribute("candidates", Permission.KEEP_DISCS.grantedTo(caller) ? register.candidates() : List.of());
		model.addAttribute("years", register.recheckEvery().getYears());
		model.addAttribute("marked", register.marked());
		return "retention/discs";
	}

	/** The home page's panel: discs due for their re-check, if any. */
	@GetMapping("/discs/fragments/due")
	@Permissions.SeeDiscs
	String duePanel(Model model) {
		model.addAttribute("due", register.due().stream().map(this::row).toList());
		return "retention/discs :: duePanel";
	}

	@PostMapping("/discs")
	@Permissions.KeepDiscs
	String make(@RequestParam(name = "item", required = false) @Nullable List<String> items, Authentication caller,
			RedirectAttributes redirect) {
		var choices = new ArrayList<DiscRegister.Choice>();
		for (var item : items == null ? List.<String>of() : items) {
			var colon = item.indexOf(':');
			choices.add(colon < 0 ? new DiscRegister.Choice(null, null)
					: new DiscRegister.Choice(item.substring(0, colon), item.substring(colon + 1)));
		}
		try {
			var disc = register.make(choices, caller.getName());
			redirect.addFlashAttribute("made", true);
			return "redirect:/discs/" + disc.id();
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", PageText.forPage(e.getMessage()));
			return "redirect:/discs";
		}
	}

	@GetMapping("/discs/{id}")
	@Permissions.SeeDiscs
	String one(@PathVariable UUID id, Model model, Authentication caller) {
		var disc = register.require(id);
		model.addAttribute("disc", row(disc));
		model.addAttribute("items", register.items(id));
		model.addAttribute("checks", register.checks(id).stream().map(this::checkRow).toList());
		model.addAttribute("keeper", Permission.KEEP_DISCS.grantedTo(caller));
		model.addAttribute("today", time.today());
		return "retention/disc";
	}

	@PostMapping("/discs/{id}/burning")
	@Permissions.KeepDiscs
	String burned(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate burnedOn,
			@RequestParam(required = false) @Nullable String location, Authentication caller,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> register.recordBurning(id, burnedOn, location, caller.getName()));
	}

	@PostMapping("/discs/{id}/location")
	@Permissions.KeepDiscs
	String relocated(@PathVariable UUID id, @RequestParam(required = false) @Nullable String location,
			Authentication caller, RedirectAttributes redirect) {
		return act(id, redirect, () -> register.relocate(id, location, caller.getName()));
	}

	/** A read-back of a disc mounted on the server, or an image file there. */
	@PostMapping("/discs/{id}/checks")
	@Permissions.KeepDiscs
	String checkAt(@PathVariable UUID id, @RequestParam(required = false) @Nullable String path, Authentication caller,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> register.checkAt(id, path, caller.getName()));
	}

	/**
	 * A read-back sent from the browser: the form's {@code image} part is streamed straight into the check, never
	 * buffered (the CSRF token comes in the form's address, as the body is not parsed before).
	 */
	@PostMapping("/discs/{id}/checks/upload")
	@Permissions.KeepDiscs
	String checkUploaded(@PathVariable UUID id, HttpServletRequest request, Authentication caller,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			try {
				var reader = new MultipartReader(request.getInputStream(),
						MultipartReader.boundaryOf(request.getContentType()), false);
				for (var part = reader.next(); part != null; part = reader.next()) {
					if ("image".equals(part.name()) && part.fileName() != null) {
						return register.checkUploaded(id, part.content(), caller.getName());
					}
				}
				throw new InvalidInput("image", "请选择读回的镜像文件 (choose the image read back)");
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	private String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<Object> action) {
		PageActions.attempt(redirect, null, () -> {
			var done = action.get();
			redirect.addFlashAttribute("done", done instanceof Disc.Check check ? (check.passed() ? "passed" : "failed")
					: "saved");
		});
		return "redirect:/discs/" + id;
	}

	/** A disc as a page shows it. */
	record DiscRow(UUID id, String label, String sha256, long sizeBytes, String madeByName, LocalDateTime madeAt,
			String madeWith, @Nullable LocalDate burnedOn, String burnedByName, @Nullable String location,
			@Nullable LocalDate lastCheckedOn, @Nullable Boolean lastCheckPassed, @Nullable LocalDate recheckDue,
			boolean dueNow) {

		public String sizeMiB() {
			return String.format("%.1f MiB", sizeBytes / 1048576.0);
		}
	}

	record CheckRow(LocalDateTime checkedAt, String checkedByName, @Nullable Boolean imageMatches, boolean passed,
			List<String> failures, int checks, String source) {
	}

	private DiscRow row(Disc d) {
		var every = register.recheckEvery();
		return new DiscRow(d.id(), d.label(), d.image().sha256(), d.image().sizeBytes(), name(d.madeBy()),
				local(d.madeAt()), d.madeWith(), d.burnedOn(), d.burnedBy() == null ? "" : name(d.burnedBy()),
				d.location(), d.lastCheckedOn(), d.lastCheckPassed(), d.recheckDue(every),
				d.recheckDueOn(time.today(), every));
	}

	private CheckRow checkRow(Disc.Check c) {
		var lines = c.findings().lines().toList();
		var failures = lines.stream().filter(l -> l.startsWith("FAIL")).map(l -> shortIds(l.substring(4).strip()))
			.toList();
		return new CheckRow(local(c.checkedAt()), name(c.checkedBy()), c.imageMatches(), c.passed(), failures,
				lines.size(), shortIds(c.source()));
	}

	private static String shortIds(String text) {
		return UUID_TEXT.matcher(text).replaceAll("$1…");
	}

	private String name(StaffId id) {
		return staff.byId(id).map(StaffMember::name).orElse("");
	}

	private LocalDateTime local(java.time.Instant instant) {
		return time.local(instant).toLocalDateTime().withNano(0);
	}
}
