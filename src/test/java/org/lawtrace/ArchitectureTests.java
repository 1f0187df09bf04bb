package org.lawtrace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.springframework.context.annotation.Conditional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Rules Spring Modulith does not check, each with the reason it exists. */
@AnalyzeClasses(packages = "org.lawtrace", importOptions = { ImportOption.DoNotIncludeTests.class,
		WrittenByUs.class })
class ArchitectureTests {

	/** Security by default: every endpoint states which roles may call it, so nothing is open by omission. */
	@ArchTest
	static final ArchRule everyEndpointSaysWhoMayCallIt = methods()
		.that().areMetaAnnotatedWith(RequestMapping.class)
		.and().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
		.should(declareWhoMayCallThem());

	/**
	 * One vocabulary of who may do what: a route names what it permits with an annotation from
	 * {@code staff.Permissions}, never a role list of its own, so the same people are not spelled differently in two
	 * places (ADR 0012).
	 */
	@ArchTest
	static final ArchRule endpointsSayItInTheVocabulary = methods()
		.that().areMetaAnnotatedWith(RequestMapping.class)
		.and().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
		.should().notBeAnnotatedWith(PreAuthorize.class)
		.because("routes use the annotations of org.lawtrace.staff.Permissions");

	@ArchTest
	static final ArchRule controllersSayItInTheVocabulary = classes()
		.that().areMetaAnnotatedWith(Controller.class)
		.should().notBeAnnotatedWith(PreAuthorize.class)
		.because("routes use the annotations of org.lawtrace.staff.Permissions");

	/** Deadlines and retention must be testable, so time is read only through the injected Clock. */
	@ArchTest
	static final ArchRule timeComesFromTheClock = noClasses()
		.should().callMethod(Instant.class, "now")
		.orShould().callMethod(LocalDate.class, "now")
		.orShould().callMethod(LocalDateTime.class, "now")
		.orShould().callMethod(OffsetDateTime.class, "now")
		.orShould().callMethod(ZonedDateTime.class, "now")
		.orShould().callMethod(System.class, "currentTimeMillis");

	/**
	 * Only the storage module touches blob files (DESIGN.md), so originals cannot be changed behind its back; the
	 * collection-station agent reads a camera's files on the station, a client that never sees the store.
	 */
	@ArchTest
	static final ArchRule onlyStorageTouchesFiles = noClasses()
		.that().resideOutsideOfPackages("org.lawtrace.storage..", "org.lawtrace.collector..")
		.should().dependOnClassesThat().resideInAPackage("java.nio.file..");

	/**
	 * ART-16: nothing but a disposition the director approved may destroy a blob, so only the retention module's
	 * {@code Disposal} calls the store's one way to destroy (which in turn asks retention whether the director
	 * approved; ADR 0016).
	 */
	@ArchTest
	static final ArchRule onlyDisposalDestroysBlobs = noClasses()
		.that().resideOutsideOfPackage("org.lawtrace.storage..")
		.and().doNotHaveFullyQualifiedName("org.lawtrace.retention.Disposal")
		.should().dependOnClassesThat().haveFullyQualifiedName("org.lawtrace.storage.BlobDestruction");

	/** Domain words only (DESIGN.md conventions). */
	@ArchTest
	static final ArchRule noTechnicalNames = noClasses()
		.should().haveSimpleNameEndingWith("Impl")
		.orShould().haveSimpleNameEndingWith("Helper")
		.orShould().haveSimpleNameEndingWith("DTO")
		.orShould().haveSimpleNameEndingWith("Dto");

	/** REST controllers answer with problem+json through the shared advice, so they live in a module's web package. */
	@ArchTest
	static final ArchRule controllersLiveInWebPackages = classes()
		.that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
		.should().resideInAPackage("..web..");

	/**
	 * Issue 16, ADR 0031: the jar starts on bean definitions Spring AOT generated at build time, where a condition on a
	 * setting would be judged once for every bureau; a choice made by the settings is made when the bean is made.
	 */
	@ArchTest
	static final ArchRule noBeanIsConditional = noClasses()
		.should().beMetaAnnotatedWith(Conditional.class)
		.as("no LawTrace class is a conditional bean (judged at build time under Spring AOT)");

	/** The same for {@code @Bean} methods. */
	@ArchTest
	static final ArchRule noBeanMethodIsConditional = noMethods()
		.should().beMetaAnnotatedWith(Conditional.class)
		.as("no LawTrace @Bean method is conditional (judged at build time under Spring AOT)");

	private static ArchCondition<JavaMethod> declareWhoMayCallThem() {
		return new ArchCondition<>("be (meta-)annotated with @PreAuthorize, on the method or its class") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				JavaClass owner = method.getOwner();
				var declared = method.isMetaAnnotatedWith(PreAuthorize.class) || owner.isMetaAnnotatedWith(PreAuthorize.class);
				if (!declared) {
					events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " does not say which roles may call it"));
				}
			}
		};
	}
}
