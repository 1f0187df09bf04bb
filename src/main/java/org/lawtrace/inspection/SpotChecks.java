package org.lawtrace.inspection;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spot-check plans (抽查, ART-21): the discipline unit defines a plan and draws its stratified sample with a kept
 * seed; the director approves it, which opens the sampled records to the plan's inspectors for its period (ART-20,
 * {@link SampleGrants}). Every step is logged.
 */
@Service
@Transactional
public class SpotChecks {

	private final SpotCheckPlans plans;
	private final RecordingCatalog recordings;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final List<String> defaultChecklist;
	private final SecureRandom seeds = new SecureRandom();

	SpotChecks(SpotCheckPlans plans, RecordingCatalog recordings, StaffDirectory staff, BureauTime time,
			ApplicationEventPublisher events,
			@Value("${lawtrace.inspection.checklist:表明身份并说明来意,告知权利义务,文明用语,着装及言行举止,执法程序规范,记录完整连续}") List<String> defaultChecklist) {
		this.plans = plans;
		this.recordings = recordings;
		this.staff = staff;
		this.time = time;
		this.events = events;
		this.defaultChecklist = List.copyOf(defaultChecklist);
	}

	/** The checklist a plan gets when it names none: the setting {@code lawtrace.inspection.checklist}. */
	public List<String> defaultChecklist() {
		return defaultChecklist;
	}

	public SpotCheckPlan define(NewPlan p, String actor) {
		var by = staff.require(actor).id();
		if (p.title() == null || p.title().isBlank()) {
			throw new InvalidInput("title", "须填写方案名称 (a title is required)");
		}
		if (p.from() == null) {
			throw new InvalidInput("from", "须填写抽查期间起始日 (the period's first day is required)");
		}
		if (p.to() == null || p.to().isBefore(p.from())) {
			throw new InvalidInput("to", "抽查期间截止日不得早于起始日 (the period's last day is required, not before the first)");
		}
		var reviewUntil = p.reviewUntil() == null ? p.to() : p.reviewUntil();
		if (reviewUntil.isBefore(p.from())) {
			throw new InvalidInput("reviewUntil", "检查截止日不得早于抽查期间起始日 (the review period cannot end before the period starts)");
		}
		if (p.kinds() == null || p.kinds().isEmpty()) {
			throw new InvalidInput("kinds", "须选择记录类别 (choose at least one record kind)");
		}
		if ((p.sampleSize() == null) == (p.samplePercent() == null)) {
			throw new InvalidInput("sampleSize", "抽取数量与比例须填写且只填写一项 (give a sample size or a percentage, not both)");
		}
		if (p.sampleSize() != null && p.sampleSize() < 1) {
			throw new InvalidInput("sampleSize", "抽取数量至少为1 (the sample size must be at least 1)");
		}
		if (p.samplePercent() != null && (p.samplePercent() < 1 || p.samplePercent() > 100)) {
			throw new InvalidInput("samplePercent", "抽取比例应在1到100之间 (the percentage must be between 1 and 100)");
		}
		var units = p.units() == null ? List.<UUID>of() : p.units();
		var officers = p.officers() == null ? List.<UUID>of() : p.officers();
		if (units.isEmpty() && officers.isEmpty()) {
			throw new InvalidInput("units", "须选择被抽查的单位或执法人员 (choose units or officers to sample)");
		}
		for (var u : units) {
			staff.unit(new UnitId(u)).orElseThrow(() -> new InvalidInput("units", "单位不存在 (no such unit)"));
		}
		var officerIds = officers.stream().map(StaffId::new).distinct().toList();
		if (staff.byIds(officerIds).size() != officerIds.size()) {
			throw new InvalidInput("officers", "执法人员不存在 (no such officer)");
		}
		var inspectorIds = (p.inspectors() == null ? List.<UUID>of() : p.inspectors()).stream().map(StaffId::new)
			.distinct().toList();
		var inspectors = staff.byIds(inspectorIds);
		if (inspectorIds.isEmpty() || inspectors.size() != inspectorIds.size()
				|| !inspectors.stream().allMatch(m -> m.holds(Role.DISCIPLINE))) {
			throw new InvalidInput("inspectors", "检查人员须为执纪机构人员 (inspectors must be discipline staff)");
		}
		var checklist = p.checklist() == null ? List.<String>of()
				: p.checklist().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		if (checklist.stream().anyMatch(s -> s.length() > 200)) {
			throw new InvalidInput("checklist", "检查项目不得超过200字 (a checklist item is at most 200 characters)");
		}
		var plan = new SpotCheckPlan(UUID.randomUUID(), p.title().strip(), p.from(), p.to(), reviewUntil,
				new HashSet<>(p.kinds()), p.sampleSize(), p.samplePercent(), units.stream().distinct().map(UnitId::new).toList(),
				officerIds, inspectorIds, checklist.isEmpty() ? defaultChecklist : checklist,
				SpotCheckPlan.Status.DEFINED, by, time.now(), null, null, null, 0, null, null);
		plans.add(plan);
		events.publishEvent(new SpotCheckEvents.PlanDefined(plan.id(), by, plan.title()));
		return plan;
	}

	@Transactional(readOnly = true)
	public SpotCheckPlan require(UUID id) {
		return plans.byId(id).orElseThrow(() -> new NotFound("inspection plan", id));
	}

	@Transactional(readOnly = true)
	public List<SpotCheckPlan> all() {
		return plans.all();
	}

	/** The approved plans that name {@code actor} as inspector. */
	@Transactional(readOnly = true)
	public List<SpotCheckPlan> approvedFor(String actor) {
		return plans.approvedFor(staff.require(actor).id());
	}

	/**
	 * Draws the plan's sample (ART-21) with {@code seed}, or a fresh random one, and keeps it with the seed: the same
	 * seed over the same records gives the same sample. Refused once the director approved the plan.
	 */
	public Sample draw(UUID id, @Nullable Long seed, String actor) {
		var by = staff.require(actor).id();
		var plan = require(id);
		if (plan.status() == SpotCheckPlan.Status.APPROVED) {
			throw new Conflict("status", "方案已批准，不能重新抽取 (the plan is approved; its sample is fixed)");
		}
		var used = seed == null ? seeds.nextLong() : seed;
		var candidates = candidates(plan);
		var drawn = Sampler.draw(candidates, used, plan.sampleSize(), plan.samplePercent());
		if (drawn.sample().isEmpty()) {
			throw new Conflict("from", "抽查范围内没有记录 (no records to draw from in the plan's period, units and officers)");
		}
		plans.drawn(id, used, by, time.now(), drawn);
		events.publishEvent(new SpotCheckEvents.SampleDrawn(id, by, used, drawn.sample().size(), candidates.size(),
				plan.draws() + 1));
		return sample(id);
	}

	/** The plan's last draw: its seed, strata with their counts, and the records drawn. */
	@Transactional(readOnly = true)
	public Sample sample(UUID id) {
		var plan = require(id);
		return new Sample(plan, plans.strata(id), plans.sample(id));
	}

	/** The last draw of a plan: what anyone needs to draw it again and check it is the same. */
	public record Sample(SpotCheckPlan plan, List<Stratum> strata, List<SampledRecord> records) {
	}

	/**
	 * The director approves a drawn plan (ART-20): its sample opens to its inspectors until the review period
	 * ends.
	 */
	public SpotCheckPlan approve(UUID id, String actor) {
		var director = staff.require(actor);
		var plan = require(id);
		if (!director.holds(Role.DIRECTOR)) {
			events.publishEvent(new SpotCheckEvents.SpotCheckRefused(director.id(), SpotCheckEvents.PLAN, id.toString(), "approve"));
			throw new NotPermitted("只有局长可以批准抽查方案 (only the director approves a spot-check plan)");
		}
		if (plan.status() != SpotCheckPlan.Status.DRAWN) {
			throw new Conflict("status", plan.status() == SpotCheckPlan.Status.APPROVED
					? "方案已批准 (the plan is already approved)" : "方案尚未抽取 (the plan has not been drawn yet)");
		}
		plans.approved(id, director.id(), time.now());
		events.publishEvent(new SpotCheckEvents.PlanApproved(id, director.id(),
				plan.inspectors().stream().map(s -> s.id().toString()).collect(Collectors.joining(",")),
				plan.reviewUntil().toString()));
		return require(id);
	}

	/** A sampled record of an approved plan, for one of its inspectors; anyone else learns nothing of it (404). */
	@Transactional(readOnly = true)
	public SampledRecord requireSampledFor(UUID planId, UUID recordId, StaffId inspector) {
		var plan = plans.byId(planId).orElse(null);
		var sampled = plan == null ? null : plans.sampled(planId, recordId).orElse(null);
		if (plan == null || sampled == null || !plan.inspectedBy(inspector)
				|| plan.status() != SpotCheckPlan.Status.APPROVED) {
			throw new NotFound("sampled record", recordId);
		}
		return sampled;
	}

	/** The records a plan may draw from now: in its period, of its kinds, by its units' or officers' people. */
	private List<Sampler.Candidate> candidates(SpotCheckPlan plan) {
		var unitOf = new java.util.HashMap<StaffId, UnitId>();
		staff.all().forEach(m -> unitOf.put(m.id(), m.unitId()));
		var units = new HashSet<>(plan.units());
		var officers = new HashSet<>(plan.officers());
		var found = new LinkedHashSet<Sampler.Candidate>();
		for (var page = 0;; page++) {
			var result = recordings.search(new RecordingQuery(null, null, null, null, null, page,
					RecordingQuery.MAX_PAGE_SIZE));
			for (var r : result.items()) {
				candidate(plan, r, unitOf, units, officers).ifPresent(found::add);
			}
			if ((long) (page + 1) * RecordingQuery.MAX_PAGE_SIZE >= result.total()) {
				break;
			}
		}
		return new ArrayList<>(found);
	}

	private java.util.Optional<Sampler.Candidate> candidate(SpotCheckPlan plan, Recording r,
			java.util.Map<StaffId, UnitId> unitOf, java.util.Set<UnitId> units, java.util.Set<StaffId> officers) {
		var current = r.current();
		var kind = current.unlinked() ? RecordKind.DAILY_AV : RecordKind.CASE_AV;
		var day = time.local(current.startedAt()).toLocalDate();
		var unit = unitOf.get(current.recordedBy());
		if (!plan.kinds().contains(kind) || day.isBefore(plan.from()) || day.isAfter(plan.to()) || unit == null
				|| !(units.contains(unit) || officers.contains(current.recordedBy()))) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Sampler.Candidate(r.id().id(), unit, kind, current.recordedBy()));
	}

	static String names(List<StaffMember> members) {
		return members.stream().map(StaffMember::name).collect(Collectors.joining("、"));
	}
}
