import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.lawtrace.audit.AuditEntry;
import org.lawtrace.audit.Checkpoint;
import org.lawtrace.audit.MerkleTree;

/**
 * Appends N audit entries straight into a LawTrace database (after its last entry), as the server would have
 * written them: leaf hashes by AuditEntry, a checkpoint signed with the log's own SM2 key (read from its key file)
 * every 100 entries, and an anchor in the store's anchors folder every 100,000 entries and at the end (fewer than the
 * server writes, which keeps generation quick; verification reads every anchored leaf all the same).
 * The database must have been started once by the server (schema, key file). Used by bench/audit-verify.sh.
 * Run: java -cp target/classes:h2.jar:bcprov.jar bench/AuditLogGenerator.java JDBC-URL USER PASSWORD N KEY-FILE ANCHORS-DIR
 */
public class AuditLogGenerator {

	private static final HexFormat HEX = HexFormat.of();

	public static void main(String[] args) throws Exception {
		var n = Long.parseLong(args[3]);
		var every = 100;
		var curve = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.getByName("sm2p256v1"));
		try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
			db.setAutoCommit(false);
			var pem = java.nio.file.Files.readString(java.nio.file.Path.of(args[4]))
				.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
			var d = ((ECPrivateKeyParameters) org.bouncycastle.crypto.util.PrivateKeyFactory
				.createKey(java.util.Base64.getDecoder().decode(pem))).getD();
			var key = new ECPrivateKeyParameters(d, curve);
			var publicHex = HEX.formatHex(curve.getG().multiply(d).normalize().getEncoded(false));
			var anchors = java.nio.file.Path.of(args[5]);
			java.nio.file.Files.createDirectories(anchors);
			long anchoredSize = 0;
			String anchoredRoot = null;
			try (var files = java.nio.file.Files.list(anchors)) {
				var last = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("audit-log-")).sorted()
					.reduce((a, b) -> b);
				if (last.isPresent()) {
					var json = java.nio.file.Files.readString(anchors.resolve(last.get()));
					anchoredSize = Long.parseLong(json.replaceAll("(?s).*\"treeSize\"\\s*:\\s*(\\d+).*", "$1"));
					anchoredRoot = json.replaceAll("(?s).*\"rootHash\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1");
				}
			}
			var tree = new MerkleTree.Frontier();
			var leaves = new java.util.ArrayList<byte[]>();
			try (var rs = db.createStatement().executeQuery("select leaf_hash from audit_entry order by seq")) {
				while (rs.next()) {
					tree.add(HEX.parseHex(rs.getString(1)));
					leaves.add(HEX.parseHex(rs.getString(1)));
				}
			}
			var start = tree.size();
			var at = Instant.parse("2026-01-01T00:00:00Z");
			var insert = db.prepareStatement("insert into audit_entry (seq, recorded_at, actor, action, subject_type, "
					+ "subject_id, outcome, detail, leaf_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
			var sign = db.prepareStatement("insert into audit_checkpoint (tree_size, root_hash, signed_at, algorithm, "
					+ "signature) values (?, ?, ?, ?, ?)");
			var began = System.nanoTime();
			for (long seq = start; seq < start + n; seq++) {
				at = at.plus(Duration.ofMillis(250));
				var actors = new String[] { "zhang.wei", "li.na", "zhao.min", "chen.jing", "zhou.tao" };
				var e = new AuditEntry(seq, at, actors[(int) (seq % actors.length)], seq % 3 == 0 ? "UPLOAD" : "VIEW",
						"RECORDING", java.util.UUID.nameUUIDFromBytes(Long.toString(seq / 7).getBytes()).toString(),
						"SUCCESS", seq % 3 == 0 ? "sha256=" + "ab".repeat(32) + " size=1048576 kind=VIDEO channel=UPLOAD"
								: "bytes 0-1048575/73400320", "");
				var leaf = e.computedLeafHash();
				insert.setLong(1, seq);
				insert.setObject(2, at.atOffset(ZoneOffset.UTC));
				insert.setString(3, e.actor());
				insert.setString(4, e.action());
				insert.setString(5, e.subjectType());
				insert.setString(6, e.subjectId());
				insert.setString(7, e.outcome());
				insert.setString(8, e.detail());
				insert.setString(9, leaf);
				insert.addBatch();
				tree.add(HEX.parseHex(leaf));
				leaves.add(HEX.parseHex(leaf));
				if (tree.size() % every == 0 || seq == start + n - 1) {
					insert.executeBatch();
					var root = HEX.formatHex(tree.root());
					var signer = new SM2Signer();
					signer.init(true, new ParametersWithRandom(key, new SecureRandom()));
					var message = Checkpoint.signedBytes(tree.size(), root, at);
					signer.update(message, 0, message.length);
					sign.setLong(1, tree.size());
					sign.setString(2, root);
					sign.setObject(3, at.atOffset(ZoneOffset.UTC));
					sign.setString(4, "SM2-SM3");
					var signature = HEX.formatHex(signer.generateSignature());
					sign.setString(5, signature);
					sign.executeUpdate();
					if (tree.size() % 100_000 == 0 || seq == start + n - 1) {
						var proof = MerkleTree.consistencyProof(leaves, (int) anchoredSize).stream().map(HEX::formatHex)
							.map(h -> "\"" + h + "\"").toList();
						var fresh = leaves.subList((int) anchoredSize, leaves.size()).stream().map(HEX::formatHex)
							.map(h -> "\"" + h + "\"").toList();
						var json = "{\"format\":\"lawtrace-audit-anchor-v1\",\"treeSize\":" + tree.size()
								+ ",\"rootHash\":\"" + root + "\",\"signedAt\":\"" + at + "\",\"algorithm\":\"SM2-SM3\","
								+ "\"signature\":\"" + signature + "\",\"publicKey\":\"" + publicHex + "\","
								+ "\"previousTreeSize\":" + anchoredSize + ",\"previousRootHash\":"
								+ (anchoredRoot == null ? "null" : "\"" + anchoredRoot + "\"") + ",\"consistencyProof\":["
								+ String.join(",", proof) + "],\"leafHashes\":[" + String.join(",", fresh) + "]}";
						insert.executeBatch();
						db.commit();
						java.nio.file.Files.writeString(anchors.resolve(String.format("audit-log-%020d.json", tree.size())),
								json);
						anchoredSize = tree.size();
						anchoredRoot = root;
					}
				}
				if (tree.size() % 50_000 == 0) {
					db.commit();
					System.err.printf("  %,d entries (%.0f s)%n", tree.size() - start, (System.nanoTime() - began) / 1e9);
				}
			}
			insert.executeBatch();
			db.commit();
			System.out.printf("generated %,d entries (log now %,d) in %.1f s%n", n, tree.size(),
					(System.nanoTime() - began) / 1e9);
		}
	}
}
