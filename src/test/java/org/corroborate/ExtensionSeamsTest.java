package org.corroborate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corroborate.exchange.CorpusFormat;
import org.corroborate.exchange.ExportFormat;
import org.corroborate.exchange.ImportFiles;
import org.corroborate.exchange.ImportFormat;
import org.corroborate.exchange.ImportedSource;
import org.corroborate.exchange.ui.ExchangeView;
import org.corroborate.review.agreement.AgreementMeasure;
import org.corroborate.review.agreement.AgreementStudy;
import org.corroborate.review.agreement.MeasureDefinition;
import org.corroborate.review.agreement.MeasureResult;
import org.corroborate.review.agreement.ReviewerSpan;
import org.corroborate.review.ui.AgreementView;
import org.corroborate.source.SourceDraft;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seams carry their own metadata: an agreement measure and an import-only format, each one
 * class registered as a bean here and edited nowhere else, show up on the dashboard, in its
 * per-source table, on the Exchange page and in the API, with the titles they declare.
 */
@SpringBootTest(properties = {
        "workbench.demo=true",
        "spring.datasource.url=jdbc:h2:mem:workbench-seams;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@TestExecutionListeners(listeners = SecurityStrategyListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@WithMockUser(username = "sam", roles = "SUPERVISOR")
class ExtensionSeamsTest extends SpringBrowserlessTest {

    @Autowired List<AgreementMeasure> measures;
    @Autowired List<CorpusFormat> formats;
    @Autowired MockMvc mvc;

    /** The extra measure and format: nothing but these beans is added. */
    @TestConfiguration
    static class Extras {

        @Bean
        AgreementMeasure spanCountRatio() {
            return new SpanCountRatio();
        }

        @Bean
        ImportFormat plainText() {
            return new PlainTextFormat();
        }
    }

    @Test
    void aMeasureDeclaredOnceIsOfferedOnTheDashboardAndHasAColumnInThePerSourceTable() {
        List<AgreementMeasure> before = measures.stream().filter(m -> !(m instanceof SpanCountRatio)).toList();
        navigate(AgreementView.class);

        @SuppressWarnings("unchecked")
        Select<MeasureDefinition> choice = find(Select.class).withId("agreement-measure").single();
        List<String> offered = choice.getListDataView().getItems().map(choice.getItemLabelGenerator()).toList();
        assertThat(offered).hasSize((int) before.stream().filter(AgreementMeasure::onDashboard).count() + 1)
                .contains("Span count ratio");
        test(choice).selectItem("Span count ratio");
        assertThat(find(Span.class).withId("agreement-figures").single().getText())
                .startsWith("Span count ratio overall: ");

        @SuppressWarnings("unchecked")
        Grid<?> table = find(Grid.class).withId("agreement-sources").single();
        List<String> keys = table.getColumns().stream().map(Grid.Column::getKey).filter(k -> k != null).toList();
        assertThat(keys).hasSize((int) before.stream().filter(AgreementMeasure::inSourceTable).count() + 1)
                .contains("spanCountRatio");
        Component header = table.getColumnByKey("spanCountRatio").getHeaderComponent();
        assertThat(header.getElement().getText()).isEqualTo("Span count ratio");
    }

    @Test
    void theApiReportsAndDescribesTheMeasure() throws Exception {
        mvc.perform(get("/api/agreement").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measures.length()").value(measures.size()))
                .andExpect(jsonPath("$.measures[?(@.measure == 'spanCountRatio')].title").value("Span count ratio"));
        mvc.perform(get("/api/agreement/measures").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(measures.size()))
                .andExpect(jsonPath("$[?(@.id == 'spanCountRatio')].range.max").value(1.0))
                .andExpect(jsonPath("$[?(@.id == 'spanCountRatio')].inSourceTable").value(true));
    }

    @Test
    void anImportOnlyFormatIsOfferedForImportOnlyAndThePageStillRenders() {
        long importing = formats.stream().filter(f -> f instanceof ImportFormat && !(f instanceof PlainTextFormat))
                .count();
        long exporting = formats.stream().filter(f -> f instanceof ExportFormat).count();
        navigate(ExchangeView.class);

        @SuppressWarnings("unchecked")
        Select<ImportFormat> importFormat = find(Select.class).withId("import-format").single();
        assertThat(titles(importFormat)).hasSize((int) importing + 1).contains("Plain text (one source a file)");
        @SuppressWarnings("unchecked")
        Select<ExportFormat> exportFormat = find(Select.class).withId("export-format").single();
        assertThat(titles(exportFormat)).hasSize((int) exporting).doesNotContain("Plain text (one source a file)");

        test(importFormat).selectItem("Plain text (one source a file)");
        Upload upload = find(Upload.class).withId("corpus-upload").single();
        assertThat(upload.getAcceptedFileTypes()).containsExactly(".txt");
        assertThat(find(Paragraph.class).all().stream().map(Paragraph::getText))
                .anyMatch(text -> text.startsWith("Drop a .txt file."));
        String text = "A note read by a format the workbench does not export " + UUID.randomUUID();
        test(upload).upload("note.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
        assertThat(find(Div.class).withId("import-report").single().getElement().getTextRecursively())
                .startsWith("Imported note.txt: 1 new source (0 already here), 0 spans");
    }

    @Test
    void theApiListsTheImportOnlyFormatForImportAndNotForExport() throws Exception {
        mvc.perform(get("/api/import/formats").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'txt')].title").value("Plain text (one source a file)"))
                .andExpect(jsonPath("$[?(@.id == 'txt')].fileTypes[0]").value(".txt"));
        mvc.perform(get("/api/export/formats").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'txt')]").isEmpty());
        mvc.perform(get("/api/export").param("format", "txt").with(httpBasic("sam", "demo")))
                .andExpect(status().isBadRequest());
    }

    private static <T> List<String> titles(Select<T> select) {
        return select.getListDataView().getItems().map(select.getItemLabelGenerator()).toList();
    }

    /** A pairwise measure for the table: the smaller reviewer's span count over the larger's. */
    static final class SpanCountRatio implements AgreementMeasure {

        @Override
        public String id() {
            return "spanCountRatio";
        }

        @Override
        public String title() {
            return "Span count ratio";
        }

        @Override
        public String description() {
            return "How close two reviewers come in the number of spans they made.";
        }

        @Override
        public String unit() {
            return "span";
        }

        @Override
        public MeasureDefinition.Range range() {
            return MeasureDefinition.Range.SHARE;
        }

        @Override
        public String incomplete() {
            return "A reviewer who made no span gives 0 against anyone who made one.";
        }

        @Override
        public boolean pairwise() {
            return true;
        }

        @Override
        public boolean perLabel() {
            return false;
        }

        @Override
        public boolean inSourceTable() {
            return true;
        }

        @Override
        public MeasureResult measure(AgreementStudy study) {
            List<String> reviewers = study.reviewers();
            List<MeasureResult.PairScore> pairs = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < reviewers.size(); i++) {
                for (int j = i + 1; j < reviewers.size(); j++) {
                    double value = ratio(count(study, reviewers.get(i)), count(study, reviewers.get(j)));
                    pairs.add(new MeasureResult.PairScore(reviewers.get(i), reviewers.get(j), value, Map.of()));
                    sum += value;
                }
            }
            return MeasureResult.of(this, pairs.isEmpty() ? null : sum / pairs.size(), Map.of(), pairs);
        }

        private static long count(AgreementStudy study, String reviewer) {
            return study.spans().stream().map(ReviewerSpan::reviewer).filter(reviewer::equals).count();
        }

        private static double ratio(long a, long b) {
            return Math.max(a, b) == 0 ? 1 : (double) Math.min(a, b) / Math.max(a, b);
        }
    }

    /** An import-only format: every file of the upload is one source, its name the title. */
    static final class PlainTextFormat implements ImportFormat {

        @Override
        public String id() {
            return "txt";
        }

        @Override
        public String title() {
            return "Plain text (one source a file)";
        }

        @Override
        public String description() {
            return "Each file is a source without annotations, titled by its name.";
        }

        @Override
        public List<String> fileTypes() {
            return List.of(".txt");
        }

        @Override
        public List<ImportedSource> read(ImportFiles files) {
            return files.names().stream().map(name -> new ImportedSource(name, 0, new SourceDraft(name, null, null,
                    null, null, null, null, name, files.text(name)), null, List.of(), List.of(), List.of())).toList();
        }
    }
}
