package org.lawtrace.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import org.lawtrace.WrittenByUs;
import org.springframework.scheduling.annotation.Scheduled;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Issue 16, ADR 0020: every scheduled job runs once in a cluster, so each {@code @Scheduled} method takes its job's
 * lock; the exceptions are what every instance must do for itself: the rule pack refresh and the spool's sweep.
 */
@AnalyzeClasses(packages = "org.lawtrace", importOptions = { ImportOption.DoNotIncludeTests.class,
		WrittenByUs.class })
class ScheduledJobsUnitTests {

	@ArchTest
	static final ArchRule everyScheduledJobRunsOnceInTheCluster = methods().that()
		.areAnnotatedWith(Scheduled.class)
		.and().areNotDeclaredIn(org.lawtrace.compliance.RulePackRefresh.class)
		// each instance sweeps the shared spool of files untouched for an hour, keeping its own live ones
		.and().doNotHaveFullName("org.lawtrace.storage.Spool.sweepHourly()")
		// each instance closes the viewings it is serving, which it alone holds in memory (ADR 0022)
		.and().doNotHaveFullName("org.lawtrace.recordings.PlaybackViewings.closeSilentViewings()")
		.should().beAnnotatedWith(SchedulerLock.class)
		.because("a job timed on every instance must run on one of them (ADR 0020)");
}
