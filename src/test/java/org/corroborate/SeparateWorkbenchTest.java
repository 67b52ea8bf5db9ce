package org.corroborate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.corroborate.testing.FastPasswordHashing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A second workbench in demo mode, with the default settings, on an in-memory H2 database of its
 * own, served on a random port. For the tests that must not share the {@link WorkbenchTest}
 * workbench: those that lift the audit log's append-only trigger and edit the log (and undo it),
 * and those whose point is the production upload limits. Test classes with this annotation share
 * one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "workbench.demo=true",
        "spring.datasource.url=jdbc:h2:mem:workbench-separate;DB_CLOSE_DELAY=-1"})
@Import(FastPasswordHashing.class)
@TestExecutionListeners(listeners = SecurityStrategyListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface SeparateWorkbenchTest {}
