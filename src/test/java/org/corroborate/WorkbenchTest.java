package org.corroborate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.corroborate.testing.FastPasswordHashing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application in demo mode on a private in-memory H2 database, served on a random port
 * (for browsers and HTTP clients) and through MockMvc (for the API). Every test class with this
 * annotation shares one application context, so nothing may be added to it per class: no
 * {@code @MockitoBean}, no {@code @DirtiesContext}, no extra properties. Tests share its data, so
 * each works on objects it created and asserts on those only (docs/architecture.md, Tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "workbench.demo=true",
        "spring.datasource.url=jdbc:h2:mem:workbench-test;DB_CLOSE_DELAY=-1",
        "workbench.sources.max-file-size=64KB",
        "workbench.exchange.max-import-size=8MB",
        "workbench.exchange.max-unpacked-size=4MB",
        // Presence: open views beat every 2 s and a silent one leaves after 10 s, so the ghost test is quick.
        "workbench.presence.heartbeat=2s",
        "workbench.presence.timeout=10s"})
@AutoConfigureMockMvc
@Import(FastPasswordHashing.class)
@TestExecutionListeners(listeners = SecurityStrategyListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface WorkbenchTest {}
