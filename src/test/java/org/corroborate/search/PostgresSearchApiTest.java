package org.corroborate.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.corroborate.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every scenario of {@link SearchApiTest} (words, phrases, prefixes, booleans, each filter, facets, paging,
 * code point offsets, project isolation, blind mode, gold before submission, refused queries) again on
 * PostgreSQL with the PostgreSQL engine: the same API answers the same whichever engine a node runs.
 * Its own application (the same settings as {@code @WorkbenchTest}, on the test PostgreSQL database,
 * emptied first), so it does not share data with the H2 tests.
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "workbench.demo=true",
        "workbench.search.engine=auto",
        "spring.profiles.active=postgres",
        "workbench.sources.max-file-size=64KB",
        "workbench.exchange.max-import-size=8MB",
        "workbench.exchange.max-unpacked-size=4MB",
        "workbench.presence.heartbeat=2s",
        "workbench.presence.timeout=10s"})
class PostgresSearchApiTest extends SearchApiTest {

    /** The test database, emptied before the application starts: Flyway as the owner, the app as the runtime role. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.resetSchema();
        registry.add("spring.datasource.url", () -> TestPostgres.URL);
        registry.add("spring.flyway.user", () -> TestPostgres.USER);
        registry.add("spring.flyway.password", () -> TestPostgres.PASSWORD);
        registry.add("spring.datasource.username", () -> TestPostgres.RUNTIME_USER);
        registry.add("spring.datasource.password", () -> TestPostgres.RUNTIME_PASSWORD);
    }

    @Autowired SearchService search;

    @Test
    void theEngineIsPostgres() {
        assertThat(search.engineName()).isEqualTo("postgres");
    }
}
