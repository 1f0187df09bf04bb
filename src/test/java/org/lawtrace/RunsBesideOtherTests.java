package org.lawtrace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLockTarget;

/**
 * A test class that runs its servers in processes of their own ({@link PackagedJar} servers and commands, the Ceph
 * cluster of the real S3 contract) and shares nothing with the test JVM's application contexts, so it runs in a lane
 * beside the other tests instead of after them ({@code junit-platform.properties}): most of its time is spent waiting
 * for its child processes, which the other core can use. Such classes take one lock, so one of them runs at a time
 * and a class's methods run one after the other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = RunsBesideOtherTests.LANE, target = ResourceLockTarget.SELF)
public @interface RunsBesideOtherTests {

	String LANE = "org.lawtrace.packaged-jar-lane";
}
