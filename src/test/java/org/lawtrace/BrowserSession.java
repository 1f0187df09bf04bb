package org.lawtrace;

import java.nio.file.Files;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The browser of a browser test class, started and stopped in one place: a {@link Browser} parameter (of a
 * {@code @BeforeAll} method, say) is the class's one headless chromium, started on first use and always closed after
 * the class's last test. On a machine without Debian's chromium and chromedriver the class is skipped with a clear
 * message; under CI the same situation fails the run, so the browser tests can never be skipped silently.
 */
public class BrowserSession implements ExecutionCondition, ParameterResolver, AfterAllCallback {

	private static final ExtensionContext.Namespace BROWSERS = ExtensionContext.Namespace.create(BrowserSession.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		var missing = Stream.of(Browser.CHROMIUM, Browser.CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).toList();
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("runs in " + Browser.CHROMIUM);
		}
		var problem = "no " + missing + "; install them with: apt-get install chromium chromium-driver fonts-noto-cjk";
		if (TestDatabase.underCi()) {
			throw new IllegalStateException("CI=true but " + problem);
		}
		System.err.println("SKIPPED browser tests: " + problem);
		return ConditionEvaluationResult.disabled("SKIPPED browser tests: " + problem);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return classContext(context).getStore(BROWSERS)
			.computeIfAbsent(context.getRequiredTestClass(), testClass -> Browser.start(), Browser.class);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		var browser = context.getStore(BROWSERS).remove(context.getRequiredTestClass(), Browser.class);
		if (browser != null) {
			browser.close();
		}
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		var at = context;
		while (at.getTestMethod().isPresent() && at.getParent().isPresent()) {
			at = at.getParent().get();
		}
		return at;
	}
}
