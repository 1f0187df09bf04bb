package org.lawtrace.cluster;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Every {@code @Scheduled} job carries {@code @SchedulerLock}: whichever instance's timer fires first takes the job's
 * row in {@code cluster_job_lock} and runs it, the others skip that turn (ShedLock, ADR 0020). A job holds its row
 * for at least its own period, so instances whose timers fire at other moments of the period do not run it again;
 * an instance killed while running frees it after {@code lockAtMostFor}. The lock's times are the database's, so
 * instances whose clocks differ still agree who holds a job.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
class JobLocks {

	static final String TABLE = "cluster_job_lock";

	@Bean
	LockProvider jobLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName(TABLE)
			.usingDbTime()
			.build());
	}
}
