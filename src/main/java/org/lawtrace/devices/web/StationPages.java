package org.lawtrace.devices.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.devices.Station;
import org.lawtrace.devices.StationManagement;
import org.lawtrace.devices.web.DeviceForms.Problems;
import org.lawtrace.devices.web.DeviceForms.TokenForm;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.ApiToken;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.Unit;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The collection stations (采集站) page: each station with its unit, location, last contact and uploads, and its API
 * tokens. A new token's secret is shown once, on the answer to the form that issued it, and kept nowhere else (not
 * even in the session); revoking one stops it at once.
 */
@Controller
class StationPages {

	static final String VIEW = "devices/stations";

	private final StationManagement stations;
	private final StaffDirectory staff;
	private final BureauTime time;

	StationPages(StationManagement stations, StaffDirectory staff, BureauTime time) {
		this.stations = stations;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping("/devices/stations")
	@Permissions.OverseeDevices
	String stations(Model model) {
		return page(model, null, null, null);
	}

	/** Issues a token; the page that answers shows its secret this once. */
	@PostMapping("/devices/stations/{id}/tokens")
	@Permissions.ManageStations
	String issue(@PathVariable UUID id, TokenForm form, Model model) {
		var problems = new Problems();
		if (form.name() == null || form.name().isBlank()) {
			problems.add("name", "请填写令牌用途 (give the token a name)");
			return page(model, id, problems, null);
		}
		try {
			var issued = stations.issueToken(id, form.name().strip(), null);
			return page(model, id, null, new IssuedSecret(id, issued.token().name(), issued.secret()));
		}
		catch (DomainException e) {
			problems.add(e);
			return page(model, id, problems, null);
		}
	}

	@PostMapping("/devices/stations/{id}/tokens/{tokenId}/revocation")
	@Permissions.ManageStations
	String revoke(@PathVariable UUID id, @PathVariable UUID tokenId, Authentication caller,
			RedirectAttributes redirect) {
		org.lawtrace.shared.web.PageActions.attempt(redirect, "stations.done.revoked",
				() -> stations.revokeToken(id, tokenId));
		return "redirect:/devices/stations";
	}

	private String page(Model model, @Nullable UUID failedStation, @Nullable Problems problems,
			@Nullable IssuedSecret issued) {
		Map<UnitId, Unit> units = staff.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		model.addAttribute("stations", stations.all().stream().map(s -> view(s, units))
			.sorted(Comparator.comparing(StationRow::name)).toList());
		model.addAttribute("failedStation", failedStation);
		model.addAttribute("problems", problems == null ? new Problems() : problems);
		model.addAttribute("issued", issued);
		return VIEW;
	}

	private StationRow view(Station s, Map<UnitId, Unit> units) {
		var unit = units.get(s.unitId());
		var tokens = stations.tokens(s.id());
		var lastContact = tokens.stream().map(ApiToken::lastUsedAt).filter(Objects::nonNull).max(Instant::compareTo)
			.map(time::local).orElse(null);
		var now = time.now();
		return new StationRow(s.id(), s.name(), unit == null ? "" : unit.name(), s.location(), lastContact,
				s.uploadCount(), local(s.lastUploadAt()),
				tokens.stream().sorted(Comparator.comparing(ApiToken::createdAt).reversed())
					.map(t -> new TokenRow(t.id(), t.name(), time.local(t.createdAt()), local(t.expiresAt()),
							local(t.revokedAt()), local(t.lastUsedAt()), t.revokedAt() == null
									&& (t.expiresAt() == null || t.expiresAt().isAfter(now))))
					.toList());
	}

	private @Nullable OffsetDateTime local(@Nullable Instant instant) {
		return instant == null ? null : time.local(instant);
	}

	record StationRow(UUID id, String name, String unitName, String location, @Nullable OffsetDateTime lastContactAt,
			long uploadCount, @Nullable OffsetDateTime lastUploadAt, List<TokenRow> tokens) {
	}

	record TokenRow(UUID id, String name, OffsetDateTime createdAt, @Nullable OffsetDateTime expiresAt,
			@Nullable OffsetDateTime revokedAt, @Nullable OffsetDateTime lastUsedAt, boolean live) {
	}

	record IssuedSecret(UUID stationId, String name, String secret) {
	}
}
