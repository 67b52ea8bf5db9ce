package org.corroborate.source.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.corroborate.WorkbenchTest;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WorkbenchTest
@WithMockUser(username = "alice", roles = "REVIEWER")
class LibraryViewTest extends SpringBrowserlessTest {

    @Autowired
    SourceService sources;

    @SuppressWarnings("unchecked")
    private Grid<SourceSummary> grid() {
        return find(Grid.class).withId("sources").single();
    }

    @Test
    void listsEverySourceWithItsProvenanceColumns() {
        navigate(LibraryView.class);
        int total = sources.list().size();
        assertThat(test(grid()).size()).isEqualTo(total);
        assertThat(find(Span.class).withId("source-count").single().getText()).isEqualTo(total + " sources");
        assertThat(grid().getColumns()).extracting(Grid.Column::getKey).containsExactly(
                "title", "my-review", "publisher", "published", "length", "importedBy", "importedAt", "blind", "sha256");
    }

    @Test
    void filtersByPublisherAndByHashPrefix() {
        navigate(LibraryView.class);
        SourceSummary residents = sources.list().stream()
                .filter(s -> "03-ellsworth-residents.md".equals(s.originFileName())).findFirst().orElseThrow();
        test(find(TextField.class).withId("source-filter").single()).setValue("vale community");
        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(test(grid()).getRow(0).id()).isEqualTo(residents.id());
        test(find(TextField.class).withId("source-filter").single()).setValue(residents.sha256().substring(0, 10));
        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(find(Span.class).withId("source-count").single().getText()).startsWith("1 of ");
    }

}
