package org.corroborate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application in demo mode on a private in-memory H2 database, with MockMvc for the
 * API. Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "workbench.demo=true",
        "spring.datasource.url=jdbc:h2:mem:workbench-test;DB_CLOSE_DELAY=-1",
        "workbench.sources.max-file-size=64KB",
        "workbench.exchange.max-import-size=8MB",
        "workbench.exchange.max-unpacked-size=4MB"})
@AutoConfigureMockMvc
@TestExecutionListeners(listeners = SecurityStrategyListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface WorkbenchTest {}
