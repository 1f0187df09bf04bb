package org.lawtrace.access;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditLog;

/** The human-readable files of a package, in Chinese for the court's clerk: the README and the list of items. */
final class PackageReadme {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private PackageReadme() {
	}

	static String text(PackageFormat.Items items, AuditLog.CustodyExtract custody) {
		var c = custody.checkpoint();
		// the log's key is an SM2 key file, or an ECDSA P-256 key in a PKCS#11 token: say which signed this checkpoint
		var sm2 = c.algorithm().startsWith("SM2");
		var keyName = sm2 ? "SM2" : "ECDSA P-256";
		var scheme = sm2 ? "算法 SM2-SM3，默认用户标识 1234567812345678" : "算法 ECDSA P-256 / SHA-256（签名密钥保存在密码令牌中）";
		return """
				证据材料包 核验说明
				==================

				本材料包由东阳市市场监督管理局 LawTrace 执法全过程记录平台，经法制机构制作（《行政执法全过程记录制度》第十九条），
				提供给：%s（%s）。
				材料包编号：%s　制作人：%s　制作时间（UTC）：%s
				用途：%s

				一、内容
				  data/                      原始记录文件（与平台只写存储中的原件逐字节相同，未经任何处理）
				  metadata/items.json        每项记录的说明：原始载体、制作方法、制作时间、制作人、证明目的、录音文字记录
				  metadata/items.txt         同上，中文清单
				  custody/entries.json       保管链：审计日志中涉及这些记录与案件的全部条目，每条附 RFC 9162 包含证明
				  custody/checkpoint.json    %s 签名的审计日志检查点（共 %d 条，根哈希 %s）
				  custody/public-key.pem     验证检查点签名的 %s 公钥（亦见 public-key.json）
				  manifest-sha256.txt、manifest-sm3.txt         原始文件的 SHA-256 与 SM3 摘要
				  tagmanifest-sha256.txt、tagmanifest-sm3.txt   以上说明文件的摘要
				本材料包符合 BagIt 1.0（RFC 8493）格式，任何 BagIt 工具均可核验文件完整性。

				二、离线核验（无需联网，无需平台数据库）
				  java -jar lawtrace.jar verify-package 本文件.zip
				逐项检查：BagIt 结构；每个文件的 SHA-256 与 SM3；说明文件摘要；每条保管链条目的叶哈希及其到检查点根哈希的包含证明；
				检查点的 %s 签名。全部通过时退出码为 0，否则逐项列出不符之处（文件名、应为值、实为值）并以 1 退出。

				也可用通用工具核验：
				  sha256sum -c manifest-sha256.txt        （在解压后的材料包目录中执行）
				  gmssl sm3 / openssl dgst -sm3            逐个核对 manifest-sm3.txt
				检查点签名：签名内容为 custody/checkpoint.json 中的
				  "lawtrace-audit-checkpoint-v1\\n" + treeSize + "\\n" + rootHash + "\\n" + signedAt + "\\n"
				（UTF-8），%s，签名为 DER 编码（十六进制）。

				三、公钥比对
				请将 custody/public-key.pem 与本局公布的审计日志公钥（平台 /api/v1/audit/public-key）比对一致，
				以确认检查点确由本局平台签署。

				Evidence package made by the legal affairs unit (ART-19). Check it offline with
				`java -jar lawtrace.jar verify-package <this zip>`; it is a BagIt 1.0 bag with SHA-256 and SM3 manifests,
				and custody/ holds the audit entries with RFC 9162 inclusion proofs against a checkpoint signed with %s (%s).
				""".formatted(items.recipient(), kindName(items.recipientKind()), items.packageId(), items.createdBy(),
				items.createdAt(), items.purpose(), keyName, c.treeSize(), c.rootHash(), keyName, keyName, scheme,
				keyName, c.algorithm());
	}

	/** The list of items; times in the bureau's zone, as a clerk reads them (items.json keeps the instants). */
	static String itemsText(PackageFormat.Items items, ZoneId zone) {
		var text = new StringBuilder("证据材料清单\n");
		text.append("接收机关：").append(items.recipient()).append("（").append(kindName(items.recipientKind()))
			.append("）\n用途：").append(items.purpose()).append('\n');
		if (items.caseInfo() != null) {
			var c = items.caseInfo();
			text.append("案号：").append(c.caseNumber()).append("　案由：").append(c.title()).append("\n当事人：")
				.append(String.join("、", c.parties())).append("　承办人：").append(String.join("、", c.handlers()))
				.append('\n');
		}
		var n = 0;
		for (var i : items.items()) {
			text.append("\n").append(++n).append(". ").append(i.file()).append('\n')
				.append("   原文件名：").append(i.originalName()).append("　类型：").append(i.kind()).append(" ")
				.append(i.mediaType()).append('\n')
				.append("   原始载体：").append(i.carrier()).append('\n')
				.append("   制作方法：").append(i.method()).append('\n')
				.append("   制作时间：").append(local(i.madeFrom(), zone)).append(" 至 ").append(local(i.madeUntil(), zone))
				.append('\n')
				.append("   制作人：").append(i.madeBy()).append("　存储人：").append(i.storedBy()).append("　存储时间：")
				.append(i.storedAt()).append('\n')
				.append("   SHA-256：").append(i.sha256()).append("　大小：").append(i.sizeBytes()).append(" 字节\n")
				.append("   证明目的：").append(i.offeredToProve()).append('\n');
			if (i.transcript() != null) {
				text.append("   录音文字记录：").append(i.transcript().isEmpty() ? "（待补充）" : i.transcript()).append('\n');
			}
		}
		return text.toString();
	}

	private static String local(@Nullable String instant, ZoneId zone) {
		if (instant == null) {
			return "不详";
		}
		var at = Instant.parse(instant).atZone(zone);
		return at.format(LOCAL) + "（" + zone.getId() + "，UTC" + at.getOffset() + "）";
	}

	private static String kindName(String kind) {
		return "COURT".equals(kind) ? "人民法院" : "行政复议机关";
	}
}
