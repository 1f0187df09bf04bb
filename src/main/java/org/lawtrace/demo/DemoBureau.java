package org.lawtrace.demo;

import static org.lawtrace.staff.Role.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.OpenCase;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.cases.RecordStage;
import org.lawtrace.cases.StageKind;
import org.lawtrace.devices.CheckReadings;
import org.lawtrace.devices.DeviceId;
import org.lawtrace.devices.DeviceKind;
import org.lawtrace.devices.DeviceManagement;
import org.lawtrace.devices.OpenRepair;
import org.lawtrace.devices.RegisterDevice;
import org.lawtrace.devices.StationManagement;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffAdministration;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.UnitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds 东阳市市场监督管理局 into an empty database: its units, the demo accounts (password {@code demo}), their
 * certificates (one expired, to show ART-08 at work), a few cases with stages, and the device ledger with a
 * collection station, dated relative to today.
 */
@Component
@Order(0)
class DemoBureau implements ApplicationRunner {

	static final String PASSWORD = "demo";
	/** The demo's device keeper. */
	private static final String KEEPER = "zhao.min";
	private static final Logger log = LoggerFactory.getLogger(DemoBureau.class);
	private static final String ISSUER = "浙江省人民政府";

	private final StaffAdministration administration;
	private final StaffDirectory directory;
	private final CaseManagement cases;
	private final DeviceManagement devices;
	private final StationManagement stations;
	private final BureauTime time;
	private final boolean demo;

	DemoBureau(StaffAdministration administration, StaffDirectory directory, CaseManagement cases,
			DeviceManagement devices, StationManagement stations, BureauTime time,
			@Value("${lawtrace.demo:false}") boolean demo) {
		this.demo = demo;
		this.administration = administration;
		this.directory = directory;
		this.cases = cases;
		this.devices = devices;
		this.stations = stations;
		this.time = time;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo) {
			return;
		}
		if (!directory.units().isEmpty()) {
			log.info("Demo bureau not seeded: the database already holds a bureau");
			return;
		}
		seedStaff();
		seedCases();
		seedDevices();
		log.info("Demo bureau 东阳市市场监督管理局 seeded");
	}

	private void seedStaff() {
		var bureau = unit("DY", "东阳市市场监督管理局", "Dongyang Market Supervision Bureau", UnitKind.BUREAU, null);
		var office = unit("DY-BGS", "办公室", "General Office", UnitKind.OFFICE, bureau);
		var team = unit("DY-JCD", "执法稽查队", "Enforcement Inspection Team", UnitKind.INSPECTION_TEAM, bureau);
		var legal = unit("DY-FGK", "法规科", "Legal Affairs Section", UnitKind.LEGAL_AFFAIRS, bureau);
		var discipline = unit("DY-JJZ", "纪检组", "Discipline Inspection Team", UnitKind.DISCIPLINE, bureau);
		var food = unit("DY-SPK", "食品安全监督管理科", "Food Safety Section", UnitKind.SECTION, bureau);
		var wuning = unit("DY-WN", "吴宁市场监管所", "Wuning Market Supervision Office", UnitKind.MARKET_OFFICE, bureau);
		var hengdian = unit("DY-HD", "横店市场监管所", "Hengdian Market Supervision Office", UnitKind.MARKET_OFFICE,
				bureau);

		var today = time.today();
		var longAgo = today.minusYears(3).withDayOfYear(1);
		var inFuture = today.plusYears(3).withMonth(12).withDayOfMonth(31);
		person("zhang.wei", "张伟", "DY0101", team, true, Set.of(OFFICER), "33070026001", longAgo, inFuture);
		person("li.na", "李娜", "DY0102", team, true, Set.of(OFFICER), "33070026002", longAgo, inFuture);
		person("chen.hao", "陈浩", "DY0201", wuning, true, Set.of(OFFICER), "33070026003", longAgo, inFuture);
		// certificate ran out a month ago: still on the books, no longer an enforcement officer (ART-08)
		person("huang.lei", "黄磊", "DY0202", hengdian, true, Set.of(OFFICER), "33070019004", longAgo.minusYears(3),
				today.minusMonths(1));
		person("wang.qiang", "王强", "DY0901", team, false, Set.of(ASSISTANT), null, null, null);
		person("zhao.min", "赵敏", "DY0301", office, true, Set.of(CUSTODIAN), null, null, null);
		person("chen.jing", "陈静", "DY0401", legal, true, Set.of(LEGAL_AFFAIRS), "33070026005", longAgo, inFuture);
		var liu = person("liu.yang", "刘洋", "DY0002", bureau, true, Set.of(DEPUTY_DIRECTOR), "33070026006", longAgo,
				inFuture);
		var he = person("he.jun", "何军", "DY0003", bureau, true, Set.of(DEPUTY_DIRECTOR), "33070026007", longAgo,
				inFuture);
		person("sun.li", "孙丽", "DY0001", bureau, true, Set.of(DIRECTOR), "33070026008", longAgo, inFuture);
		person("zhou.tao", "周涛", "DY0501", discipline, true, Set.of(DISCIPLINE), null, null, null);
		person("admin", "系统管理员", "DY9999", office, true, Set.of(ADMIN), null, null, null);

		List.of(team, legal, wuning).forEach(u -> administration.putInCharge(liu, u));
		List.of(hengdian, food, office, discipline).forEach(u -> administration.putInCharge(he, u));
	}

	private void seedCases() {
		var today = time.today();
		var year = today.getYear();
		var penalty = open("东市监处〔" + year + "〕101号", CaseKind.ADMINISTRATIVE_PENALTY, Procedure.GENERAL,
				"东阳市示例食品有限公司销售过期食品案", false,
				new OpenCase.PartyInput(Party.Kind.ORGANIZATION, "东阳市示例食品有限公司", "91330783MA2HX7Q5PJ"));
		stage(penalty, StageKind.FILING, today.minusDays(10), "09:00", "09:30", "东阳市市场监督管理局", "zhang.wei", "li.na");
		stage(penalty, StageKind.ON_SITE_INSPECTION, today.minusDays(9), "09:30", "10:40",
				"东阳市吴宁街道艺海路18号（示例食品有限公司仓库）", "zhang.wei", "li.na", "wang.qiang");
		stage(penalty, StageKind.SEIZURE, today.minusDays(9), "10:45", "11:20",
				"东阳市吴宁街道艺海路18号（示例食品有限公司仓库）", "zhang.wei", "li.na");
		stage(penalty, StageKind.QUESTIONING, today.minusDays(7), "14:00", "15:10", "执法稽查队询问室", "zhang.wei",
				"li.na");

		var inspection = open("东市监检〔" + year + "〕45号", CaseKind.SUPERVISION_INSPECTION, Procedure.SIMPLE,
				"横店影视城周边餐饮单位食品安全专项检查", false,
				new OpenCase.PartyInput(Party.Kind.ORGANIZATION, "东阳市横店示例餐饮管理有限公司", "91330783MA2KQ3L8TR"));
		stage(inspection, StageKind.ON_SITE_INSPECTION, today.minusDays(3), "10:00", "11:30", "横店镇万盛南街66号",
				"li.na", "zhang.wei");
		stage(inspection, StageKind.ORDER_TO_CORRECT, today.minusDays(3), "11:30", "11:50", "横店镇万盛南街66号",
				"li.na", "zhang.wei");

		var coercion = open("东市监强〔" + year + "〕7号", CaseKind.ADMINISTRATIVE_COERCION, Procedure.GENERAL,
				"东阳市某化工商行涉嫌储存不合格危险化学品查封案", true,
				new OpenCase.PartyInput(Party.Kind.ORGANIZATION, "东阳市示例化工商行", "92330783MA2EFG7H14"));
		stage(coercion, StageKind.SEALING_UP, today.minusDays(2), "15:00", "16:30", "东阳市江北街道工业区示例仓库",
				"zhang.wei", "li.na");

		var simple = open("东市监处〔" + year + "〕88号", CaseKind.ADMINISTRATIVE_PENALTY, Procedure.SIMPLE,
				"个体工商户王某未按规定亮照经营案", false,
				new OpenCase.PartyInput(Party.Kind.NATURAL_PERSON, "王某某", "330783198503124016"));
		// yesterday, not today: whatever the hour the demo starts, its stages lie in the past
		stage(simple, StageKind.ON_SITE_INSPECTION, today.minusDays(1), "08:30", "08:50", "东阳市吴宁街道中山路农贸市场", "zhang.wei",
				"li.na");
		stage(simple, StageKind.DECISION, today.minusDays(1), "08:50", "09:00", "东阳市吴宁街道中山路农贸市场", "zhang.wei", "li.na");
		cases.close(simple, "zhang.wei", today);
	}

	/**
	 * ART-09 to ART-12: the device ledger with body cameras issued after a passed check, one in repair after its
	 * holder reported a fault, a camera overdue for maintenance, and the Wuning office's collection station.
	 */
	private void seedDevices() {
		var today = time.today();
		var team = unitCalled("DY-JCD");
		var wuning = unitCalled("DY-WN");
		var first = device("DY-ZFJLY-0001", DeviceKind.BODY_CAMERA, "海康威视 DSJ-T9", team, today.minusDays(60));
		issue(first, "zhang.wei");
		var second = device("DY-ZFJLY-0002", DeviceKind.BODY_CAMERA, "海康威视 DSJ-T9", team, today.minusDays(60));
		issue(second, "li.na");
		device("DY-ZFJLY-0003", DeviceKind.BODY_CAMERA, "海康威视 DSJ-T9", team, today.minusDays(30));
		device("DY-LYB-0001", DeviceKind.AUDIO_RECORDER, "索尼 ICD-UX570", team, today.minusDays(10));

		var broken = device("DY-ZFJLY-0004", DeviceKind.BODY_CAMERA, "执法记录仪 DSJ-V8", wuning, today.minusDays(400));
		devices.recordMaintenance(broken, today.minusDays(20), "季度保养：清洁镜头、校准时钟", KEEPER);
		issue(broken, "chen.hao");
		devices.reportFault(broken, "按键失灵，无法开始录像", "chen.hao");
		devices.openRepair(broken, new OpenRepair("东阳市华信电子设备维修有限公司", false, today, "保修期内送修"), KEEPER);

		// last maintained 200 days ago on a 180-day interval: shows on the overdue list
		var camera = device("DY-XJ-0001", DeviceKind.CAMERA, "佳能 EOS R6", wuning, today.minusYears(2));
		devices.recordMaintenance(camera, today.minusDays(200), "年度保养", KEEPER);

		stations.register("吴宁所采集站", "station.wuning", wuning, "吴宁市场监管所一楼证据保管室", "admin");
	}

	private UnitId unitCalled(String code) {
		return directory.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow().id();
	}

	private DeviceId device(String serial, DeviceKind kind, String model, UnitId unit, LocalDate commissioned) {
		return devices.register(new RegisterDevice(serial, kind, model, unit, 64_000, commissioned), KEEPER).id();
	}

	private void issue(DeviceId device, String holder) {
		var check = devices.recordCheck(device, new CheckReadings(96, null, 85, 1, true), KEEPER);
		devices.issue(device, holder, check.id(), KEEPER);
	}

	private UnitId unit(String code, String name, String nameEn, UnitKind kind, @Nullable UnitId parent) {
		return administration.addUnit(code, name, nameEn, kind, parent).id();
	}

	private org.lawtrace.shared.StaffId person(String username, String name, String number, UnitId unit,
			boolean permanent, Set<Role> roles, @Nullable String certificate, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		var member = administration.registerDemoAccount(username, name, number, unit, permanent, roles, PASSWORD);
		if (certificate != null && from != null && to != null) {
			administration.issueCertificate(member.id(), certificate, ISSUER, from, to);
		}
		return member.id();
	}

	private CaseId open(String number, CaseKind kind, Procedure procedure, String title, boolean major,
			OpenCase.PartyInput party) {
		return cases.open(new OpenCase(number, kind, procedure, title, major, List.of("zhang.wei", "li.na"),
				List.of(party), null), "zhang.wei").id();
	}

	private void stage(CaseId c, StageKind kind, LocalDate day, String from, String to, String place,
			String... present) {
		var zone = time.zone();
		var start = day.atTime(LocalTime.parse(from)).atZone(zone).toInstant();
		var end = day.atTime(LocalTime.parse(to)).atZone(zone).toInstant();
		cases.recordStage(c, new RecordStage(kind, start, end, place, List.of(present), null), present[0]);
	}
}
