package org.lawtrace.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored signed checkpoints and the public half of the log's signing key; appended, never changed, except that
 * a private key kept here by an older version is erased once it has moved to the key file.
 */
@Repository
class Checkpoints {

	private final JdbcClient jdbc;

	Checkpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Checkpoint c) {
		jdbc.sql("insert into audit_checkpoint (tree_size, root_hash, signed_at, algorithm, signature) "
				+ "values (?, ?, ?, ?, ?)")
			.params(c.treeSize(), c.rootHash(), c.signedAt().atOffset(ZoneOffset.UTC), c.algorithm(), c.signature())
			.update();
	}

	List<Checkpoint> all() {
		return jdbc.sql("select * from audit_checkpoint order by tree_size")
			.query((rs, row) -> new Checkpoint(rs.getLong("tree_size"), rs.getString("root_hash"),
					rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("algorithm"),
					rs.getString("signature")))
			.list();
	}

	Optional<Checkpoint> latest() {
		var all = all();
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
	}

	/**
	 * The log's recorded key: an SM2 {@link SigningKey} (with its private half where an older version kept it here),
	 * or the public key of a PKCS#11 token's.
	 */
	Optional<CheckpointKey> key() {
		return jdbc.sql("select algorithm, public_key, private_key from audit_signing_key where id = 1")
			.query((rs, row) -> SigningKey.ALGORITHM.equals(rs.getString("algorithm"))
					? (CheckpointKey) SigningKey.of(rs.getString("public_key"), rs.getString("private_key"))
					: CheckpointKey.of(rs.getString("algorithm"), rs.getString("public_key")))
			.optional();
	}

	/** Records the public half of the log's key; the private half lives in the key file or the token alone. */
	void keepKey(CheckpointKey key, java.time.Instant at) {
		jdbc.sql("insert into audit_signing_key (id, algorithm, public_key, private_key, created_at) "
				+ "values (1, ?, ?, null, ?)")
			.params(key.algorithm(), key.publicHex(), at.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** Erases a private key kept here from before it moved to the key file. */
	void erasePrivateKey() {
		jdbc.sql("update audit_signing_key set private_key = null where id = 1").update();
	}
}
