package org.lawtrace.cluster;

import java.util.Set;

import org.lawtrace.staff.AccountChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A person's open sessions end once what they signed in with no longer holds (ART-20; GB/T 22239-2019 访问控制): the
 * account disabled, its roles changed, or its password reset by the administrator. A session keeps the authorities
 * it signed in with, so without this a custodian whose role was taken away, or a disabled account, would keep
 * working in an open page until the session timed out. Sessions live in the database ({@code cluster_session}), so
 * this ends them on every instance; the next request of that browser signs in afresh.
 */
@Component
class SessionsEnded {

	static final Set<String> ENDING = Set.of(AccountChanged.DISABLED, AccountChanged.ROLES_CHANGED,
			AccountChanged.ROLE_CHANGE_CONFIRMED, AccountChanged.PASSWORD_RESET);

	private static final Logger log = LoggerFactory.getLogger(SessionsEnded.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	SessionsEnded(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountChanged changed) {
		var repository = sessions.getIfAvailable();
		if (repository == null || !ENDING.contains(changed.action())) {
			return;
		}
		var ids = repository.findByPrincipalName(changed.username()).keySet();
		ids.forEach(repository::deleteById);
		if (!ids.isEmpty()) {
			log.info("Ended {} open session(s) of {} after {}", ids.size(), changed.username(), changed.action());
		}
	}
}
