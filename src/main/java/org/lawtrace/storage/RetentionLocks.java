package org.lawtrace.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lawtrace.shared.ContentDigest;
import org.springframework.stereotype.Service;

/**
 * Object Lock retention of a blob's objects set to its record's retention period (保管期限, ART-16) and extended by
 * holds and long-term marks: COMPLIANCE mode lets a date move later, never earlier, so asking for an earlier date
 * than an object has changes nothing. A filesystem store, or a bucket without Object Lock, has nothing to set; the
 * answer says so for each copy.
 */
@Service
public class RetentionLocks {

	private final Copies copies;

	RetentionLocks(Copies copies) {
		this.copies = copies;
	}

	/** What a copy's store did with the retention asked for. */
	public record Locked(Copy copy, boolean set, String detail) {
	}

	/**
	 * @param digest the blob, must not be {@literal null}.
	 * @param until keep every copy's object at least until then, must not be {@literal null}.
	 * @return one answer per configured copy; will never be {@literal null}.
	 */
	public List<Locked> retainAtLeast(ContentDigest digest, Instant until) {
		var answers = new ArrayList<Locked>();
		for (var copy : copies.configured()) {
			var store = copies.of(copy).orElseThrow();
			if (store instanceof S3BlobStore s3) {
				var set = s3.retainAtLeast(digest, until);
				answers.add(new Locked(copy, set, set ? "retained until " + s3.retainedUntil(digest).orElse(until)
						: "bucket has no Object Lock"));
			}
			else {
				answers.add(new Locked(copy, false, "filesystem store: write-once by the application alone"));
			}
		}
		return answers;
	}
}
