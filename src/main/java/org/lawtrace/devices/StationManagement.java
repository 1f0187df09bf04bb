package org.lawtrace.devices;

import java.time.Instant;

import org.lawtrace.shared.StaffId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.ApiToken;
import org.lawtrace.staff.ApiTokens;
import org.lawtrace.staff.StaffAdministration;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers collection stations (采集站) and keeps their API tokens. A station signs in through a machine account
 * of the staff module, so its tokens are that account's tokens, stored hashed there; rotating one issues a new
 * token and revokes the old in one step.
 */
@Service
@Transactional
public class StationManagement {

	private final Stations stations;
	private final StaffAdministration administration;
	private final StaffDirectory staff;
	private final ApiTokens tokens;
	private final BureauTime time;

	StationManagement(Stations stations, StaffAdministration administration, StaffDirectory staff, ApiTokens tokens,
			BureauTime time) {
		this.stations = stations;
		this.administration = administration;
		this.staff = staff;
		this.tokens = tokens;
		this.time = time;
	}

	/** A recording arrived from whoever is signed in as {@code uploader}: if that is a station, it is counted. */
	@Transactional
	public void countUpload(StaffId uploader, Instant at) {
		stations.countUpload(uploader, at);
	}

	/** Registers a station with the machine account it signs in with; {@code username} names that account. */
	public Station register(@Nullable String name, @Nullable String username, UnitId unit, @Nullable String location,
			String actor) {
		// the station's name is also its account's name, which the staff module keeps to 60 characters
		var stationName = Input.required("name", name, 60, "采集站名称");
		var where = Input.required("location", location, 200, "存放地点");
		if (stations.nameTaken(stationName)) {
			throw new Conflict("name", "采集站名称已存在 (station name already used): " + stationName);
		}
		var registrar = staff.require(actor);
		var account = administration.registerMachineAccount(Input.required("username", username, 60, "账号"),
				stationName, unit);
		var station = new Station(UUID.randomUUID(), stationName, unit, where, account.id(), time.now(), 0, null);
		stations.add(station, registrar.id());
		return station;
	}

	@Transactional(readOnly = true)
	public List<Station> all() {
		return stations.all();
	}

	@Transactional(readOnly = true)
	public Station require(UUID id) {
		return stations.byId(id).orElseThrow(() -> new NotFound("station", id));
	}

	/** The station a machine account belongs to, for a station's agent asking about itself. */
	@Transactional(readOnly = true)
	public Optional<Station> signedInAs(String username) {
		return staff.byUsername(username).flatMap(m -> stations.byAccount(m.id()));
	}

	/** The station's tokens, live and revoked, without their secrets. */
	@Transactional(readOnly = true)
	public List<ApiToken> tokens(UUID stationId) {
		return tokens.ownedBy(require(stationId).account());
	}

	public ApiToken.Issued issueToken(UUID stationId, @Nullable String name, @Nullable Instant expiresAt) {
		var station = require(stationId);
		if (expiresAt != null && !expiresAt.isAfter(time.now())) {
			throw new InvalidInput("expiresAt", "到期时间应晚于现在 (expiresAt must be in the future)");
		}
		return tokens.issue(station.account(), name == null ? "" : name, expiresAt);
	}

	/** Replaces a live token: the new one works at once, the old one no longer does. */
	public ApiToken.Issued rotateToken(UUID stationId, UUID tokenId, @Nullable Instant expiresAt) {
		var old = liveToken(stationId, tokenId);
		var issued = issueToken(stationId, old.name(), expiresAt);
		tokens.revoke(old.owner(), old.id());
		return issued;
	}

	public void revokeToken(UUID stationId, UUID tokenId) {
		var old = liveToken(stationId, tokenId);
		tokens.revoke(old.owner(), old.id());
	}

	private ApiToken liveToken(UUID stationId, UUID tokenId) {
		var token = tokens(stationId).stream().filter(t -> t.id().equals(tokenId)).findFirst()
			.orElseThrow(() -> new NotFound("token", tokenId));
		if (token.revokedAt() != null) {
			throw new Conflict("tokenId", "令牌已撤销 (the token is already revoked)");
		}
		return token;
	}
}
