package org.lawtrace;

import java.time.Clock;
import java.util.Arrays;

import org.lawtrace.access.VerifyPackageCommand;
import org.lawtrace.audit.VerifyLogCommand;
import org.lawtrace.audit.VerifyRecordsCommand;
import org.lawtrace.collector.ImportCommand;
import org.lawtrace.compliance.EvaluateCommand;
import org.lawtrace.retention.VerifyDiscCommand;
import org.lawtrace.storage.FixityCommand;
import org.lawtrace.storage.RestoreCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * LawTrace (执法全过程记录平台): whole-process enforcement recording for a market supervision bureau.
 * With no command it serves; commands (added by later modules) run and exit.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class LawTraceApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "import".equals(args[0])) {
			System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && "verify-log".equals(args[0])) {
			System.exit(VerifyLogCommand.run(LawTraceApplication.class, Arrays.copyOfRange(args, 1, args.length),
					System.out, System.err));
		}
		if (args.length > 0 && "verify-records".equals(args[0])) {
			System.exit(VerifyRecordsCommand.run(LawTraceApplication.class, Arrays.copyOfRange(args, 1, args.length),
					System.out, System.err));
		}
		if (args.length > 0 && "verify-disc".equals(args[0])) {
			System.exit(VerifyDiscCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && "verify-package".equals(args[0])) {
			// offline: no Spring context, no database, only the zip
			System.exit(VerifyPackageCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && "restore".equals(args[0])) {
			// rebuilds a lost primary (blobs and database) from the off-site replica, without starting the server
			System.exit(RestoreCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && "evaluate-compliance".equals(args[0])) {
			System.exit(EvaluateCommand.run(LawTraceApplication.class, Arrays.copyOfRange(args, 1, args.length),
					System.out, System.err));
		}
		if (args.length > 0 && "check-fixity".equals(args[0])) {
			System.exit(FixityCommand.run(LawTraceApplication.class, Arrays.copyOfRange(args, 1, args.length),
					System.out, System.err));
		}
		var application = new SpringApplication(LawTraceApplication.class);
		StartupSteps.recordIfAsked(application);
		TrainingRun.addIfAsked(application);
		application.run(args);
	}

	/** Start-up (issue 16): controllers are made at their first request ({@link LazyControllers}). */
	@Bean
	static org.springframework.beans.factory.config.BeanFactoryPostProcessor lazyControllers() {
		return new LazyControllers();
	}

	/** The one clock every deadline and retention rule reads, so tests can move time. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}
}
