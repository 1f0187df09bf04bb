package org.lawtrace.shared;

/**
 * Someone may see less than a moment ago: a grant was revoked (ART-20). Whoever keeps access decisions for a moment
 * (the player's {@code recordings.ContentPasses}) forgets them at once when such an event is published, so no cached
 * decision outlives a revocation. Implemented by the events that narrow access, so holders need not depend on the
 * module that publishes them.
 */
public interface AccessNarrowed {
}
