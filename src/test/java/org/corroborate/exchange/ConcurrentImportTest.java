package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Writes by other people go on, without an error, while a 20,000-span corpus is imported (H2). */
@WorkbenchTest
class ConcurrentImportTest {

    @Autowired ApplicationContext context;

    @Test
    void peopleWhoAnnotateDuringALongImportSeeNoError() throws Exception {
        ConcurrentImportScenario.Outcome outcome = new ConcurrentImportScenario(context).run("bulk-h2");
        assertThat(outcome.report().spansImported()).isEqualTo(ConcurrentImportScenario.SPANS);
        assertThat(outcome.failures()).as("creates that failed during the import").isEmpty();
        assertThat(outcome.createsDuring()).as("creates made while the import ran").isGreaterThanOrEqualTo(10);
    }
}
