package org.lawtrace;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The architecture rules judge the code we write: the classes Spring AOT generates into the same output folder when
 * the jar is built (ADR 0031: bean definitions named {@code X__BeanDefinitions} and the like, and the subclasses of
 * proxied beans, {@code X$$SpringCGLIB$$0}) only restate, as constructor calls, the dependencies of the beans they
 * make, which the rules already see on those beans.
 */
public final class WrittenByUs implements ImportOption {

	@Override
	public boolean includes(Location location) {
		var path = location.toString();
		var file = path.substring(path.lastIndexOf('/') + 1);
		return !file.contains("__") && !file.contains("$$SpringCGLIB$$");
	}
}
