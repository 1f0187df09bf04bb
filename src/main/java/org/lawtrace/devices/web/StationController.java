package org.lawtrace.devices.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.devices.Station;
import org.lawtrace.devices.StationManagement;
import org.lawtrace.devices.web.DeviceViews.UnitRef;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.ApiToken;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.Unit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Collection stations (采集站) over REST: the administrator or the custodian registers them and manages their API
 * tokens; a token's secret is shown once, when it is issued. A station's agent asks about itself at
 * {@code /stations/me}.
 */
@RestController
@RequestMapping("/api/v1/stations")
class StationController {

	private final StationManagement stations;
	private final StaffDirectory staff;
	private final BureauTime time;

	StationController(StationManagement stations, StaffDirectory staff, BureauTime time) {
		this.stations = stations;
		this.staff = staff;
		this.time = time;
	}

	/** The collection stations (采集站) that upload what the devices record. */
	@GetMapping
	@Permissions.OverseeDevices
	List<StationView> list() {
		var units = units();
		return stations.all().stream().map(s -> view(s, units)).toList();
	}

	/** Registers a collection station with its name, account, unit and location. */
	@PostMapping
	@Permissions.ManageStations
	ResponseEntity<StationView> register(@Valid @RequestBody NewStation body, Authentication caller) {
		var station = stations.register(body.name(), body.username(), new UnitId(body.unitId()), body.location(),
				caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/stations/" + station.id())).body(view(station, units()));
	}

	/** One collection station: its unit, location, last contact, uploads and tokens (never their secrets). */
	@GetMapping("/{id}")
	@Permissions.OverseeDevices
	StationView get(@PathVariable UUID id) {
		return view(stations.require(id), units());
	}

	/** The calling station's own record: lets a station's agent check its token and configuration. */
	@GetMapping("/me")
	@Permissions.SeeOwnStation
	StationView me(Authentication caller) {
		var station = stations.signedInAs(caller.getName()).orElseThrow(() -> new NotFound("station", caller.getName()));
		return view(station, units());
	}

	/** Issues an API token for a station's import agent; the secret is shown once, in this answer. */
	@PostMapping("/{id}/tokens")
	@Permissions.ManageStations
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issueToken(@PathVariable UUID id, @Valid @RequestBody NewToken body) {
		return issued(stations.issueToken(id, body.name(), body.expiresAt()));
	}

	/** Issues a replacement and revokes the token at once; the new secret is in the answer. */
	@PostMapping("/{id}/tokens/{tokenId}/rotation")
	@Permissions.ManageStations
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken rotateToken(@PathVariable UUID id, @PathVariable UUID tokenId,
			@RequestBody(required = false) @Nullable Rotation body) {
		return issued(stations.rotateToken(id, tokenId, body == null ? null : body.expiresAt()));
	}

	/** Revokes one of a station's API tokens at once. */
	@DeleteMapping("/{id}/tokens/{tokenId}")
	@Permissions.ManageStations
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId) {
		stations.revokeToken(id, tokenId);
	}

	private StationView view(Station s, Map<UnitId, Unit> units) {
		var unit = units.get(s.unitId());
		var account = staff.byId(s.account()).orElseThrow(() -> new NotFound("staff", s.account()));
		var tokens = stations.tokens(s.id());
		var lastContact = tokens.stream().map(ApiToken::lastUsedAt).filter(Objects::nonNull)
			.max(Instant::compareTo).map(time::local).orElse(null);
		return new StationView(s.id(), s.name(), new UnitRef(s.unitId().id(), unit == null ? "" : unit.name()),
				s.location(), account.username(), account.staffNumber(), time.local(s.registeredAt()), lastContact,
				s.uploadCount(), s.lastUploadAt() == null ? null : time.local(s.lastUploadAt()),
				tokens.stream().map(this::token).toList());
	}

	private TokenView token(ApiToken t) {
		return new TokenView(t.id(), t.name(), time.local(t.createdAt()), local(t.expiresAt()), local(t.revokedAt()),
				local(t.lastUsedAt()));
	}

	private IssuedToken issued(ApiToken.Issued issued) {
		return new IssuedToken(issued.token().id(), issued.token().name(), issued.secret(),
				local(issued.token().expiresAt()));
	}

	private @Nullable OffsetDateTime local(@Nullable Instant instant) {
		return instant == null ? null : time.local(instant);
	}

	private Map<UnitId, Unit> units() {
		return staff.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
	}

	record NewStation(@NotBlank String name, @NotBlank String username, @NotNull UUID unitId,
			@NotBlank String location) {
	}

	record NewToken(@NotBlank String name, @Nullable Instant expiresAt) {
	}

	record Rotation(@Nullable Instant expiresAt) {
	}

	record StationView(UUID id, String name, UnitRef unit, String location, String username, String staffNumber,
			OffsetDateTime registeredAt, @Nullable OffsetDateTime lastContactAt, long uploadCount,
			@Nullable OffsetDateTime lastUploadAt, List<TokenView> tokens) {
	}

	record TokenView(UUID id, String name, OffsetDateTime createdAt, @Nullable OffsetDateTime expiresAt,
			@Nullable OffsetDateTime revokedAt, @Nullable OffsetDateTime lastUsedAt) {
	}

	record IssuedToken(UUID id, String name, String token, @Nullable OffsetDateTime expiresAt) {
	}
}
