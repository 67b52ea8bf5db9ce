package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.corroborate.TestPostgres;
import org.corroborate.WorkbenchApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Writes by other people go on, without an error, while a 20,000-span corpus is imported, on
 * PostgreSQL (skipped without a server, see {@link TestPostgres}).
 */
@Tag("postgres")
class ConcurrentImportPostgresTest {

    @Test
    void peopleWhoAnnotateDuringALongImportSeeNoErrorOnPostgres() throws Exception {
        TestPostgres.resetSchema();
        List<String> arguments = new ArrayList<>(List.of(TestPostgres.datasourceArguments()));
        arguments.addAll(List.of("--server.port=0", "--workbench.demo=true"));
        try (var context = new SpringApplicationBuilder(WorkbenchApplication.class)
                .run(arguments.toArray(String[]::new))) {
            ConcurrentImportScenario.Outcome outcome = new ConcurrentImportScenario(context).run("bulk-pg");
            assertThat(outcome.report().spansImported()).isEqualTo(ConcurrentImportScenario.SPANS);
            assertThat(outcome.failures()).as("creates that failed during the import").isEmpty();
            assertThat(outcome.createsDuring()).as("creates made while the import ran").isGreaterThanOrEqualTo(10);
        }
    }
}
