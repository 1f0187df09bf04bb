package org.lawtrace.cases;

/**
 * The kinds of stage (环节) a case passes through. Each knows whether the rules make audio-visual recording of it
 * mandatory, and which article says so (ART-06); the others carry text records (ART-05.2).
 */
public enum StageKind {

	/** 立案. */
	FILING("立案", "Filing", false, "ART-05.2"),
	/** 现场检查（勘验）. */
	ON_SITE_INSPECTION("现场检查", "On-site inspection", true, "ART-06.1"),
	/** 抽样取证. */
	SAMPLING("抽样取证", "Sampling", true, "ART-06.1"),
	/** 询问调查. */
	QUESTIONING("询问调查", "Questioning", false, "ART-05.2"),
	/** 口头申请、陈述申辩. */
	ORAL_STATEMENT("口头陈述申辩", "Oral statement or defence", true, "ART-06.7"),
	/** 查封场所、设施、财物. */
	SEALING_UP("查封", "Sealing up", true, "ART-06.3"),
	/** 扣押财物. */
	SEIZURE("扣押", "Seizure", true, "ART-06.3"),
	/** 责令改正（前后情况）. */
	ORDER_TO_CORRECT("责令改正", "Order to correct", true, "ART-06.5"),
	/** 听证. */
	HEARING("听证", "Hearing", true, "ART-06.4"),
	/** 集体讨论. */
	COLLECTIVE_DISCUSSION("集体讨论", "Collective discussion", false, "ART-05.2"),
	/** 专家论证. */
	EXPERT_REVIEW("专家论证", "Expert review", false, "ART-05.2"),
	/** 作出决定. */
	DECISION("作出决定", "Decision", false, "ART-05.2"),
	/** 直接送达等. */
	SERVICE("送达", "Service", false, "ART-05.2"),
	/** 留置送达. */
	SERVICE_LEFT_AT_ADDRESS("留置送达", "Service left at the address", true, "ART-06.2"),
	/** 公告送达. */
	SERVICE_BY_PUBLIC_NOTICE("公告送达", "Service by public notice", true, "ART-06.2"),
	/** 当场收缴罚款. */
	FINE_COLLECTED_ON_SPOT("当场收缴罚款", "Fine collected on the spot", true, "ART-06.6"),
	/** 罚没物品. */
	CONFISCATION("没收财物", "Confiscation", true, "ART-06.6"),
	/** 销毁罚没物品. */
	DESTRUCTION("销毁物品", "Destruction", true, "ART-06.6"),
	/** 其他. */
	OTHER("其他", "Other", false, "ART-05.2");

	private final String chineseName;
	private final String englishName;
	private final boolean avMandatory;
	private final String article;

	StageKind(String chineseName, String englishName, boolean avMandatory, String article) {
		this.chineseName = chineseName;
		this.englishName = englishName;
		this.avMandatory = avMandatory;
		this.article = article;
	}

	public String chineseName() {
		return chineseName;
	}

	public String englishName() {
		return englishName;
	}

	public boolean avMandatory() {
		return avMandatory;
	}

	/** The requirement id that makes this stage's record mandatory. */
	public String article() {
		return article;
	}
}
