package org.corroborate.source.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import org.corroborate.WorkbenchTest;
import org.corroborate.audit.AuditService;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Source files dropped into the Import dialog are held to the API's per-file limit: a larger one is
 * refused with a message and nothing is stored, while a normal one is imported.
 */
@WorkbenchTest
@WithMockUser(username = "alice", roles = "REVIEWER")
class ImportDialogTest extends SpringBrowserlessTest {

    @Autowired SourceService sources;
    @Autowired AuditService audit;

    private Upload openDialog() {
        navigate(LibraryView.class);
        test(find(Button.class).withId("import-sources").single()).click();
        return find(Upload.class).withId("source-upload").single();
    }

    private String results() {
        return find(Div.class).withId("import-results").single().getElement().getTextRecursively();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAMessageAndNothingIsStored() {
        Upload upload = openDialog();
        int before = sources.list().size();
        long auditBefore = audit.head().seq();
        byte[] tooLarge = "x".repeat((int) sources.maxFileBytes() + 1).getBytes(StandardCharsets.UTF_8);

        test(upload).upload("long.txt", "text/plain", tooLarge);

        assertThat(results()).isEqualTo("'long.txt' is larger than the 64 KiB this workbench accepts as a source "
                + "(workbench.sources.max-file-size); nothing was stored. Split the text, or ask an operator to raise "
                + "the limit.");
        assertThat(sources.list()).hasSize(before);
        assertThat(audit.head().seq()).isEqualTo(auditBefore);
        // the browser's check lets documents through, which may be larger than texts
        assertThat(upload.getMaxFileSize()).isEqualTo((int) Math.max(sources.maxFileBytes(),
                sources.maxFileBytes("document.pdf")));
    }

    @Test
    void aFileWithinTheLimitIsImported() {
        Upload upload = openDialog();
        int before = sources.list().size();
        String text = "Dropped into the dialog\n\nThe pumps ran all night.";

        test(upload).upload("night.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));

        assertThat(results()).startsWith("Imported night.txt as Dropped into the dialog");
        assertThat(sources.list()).hasSize(before + 1);
    }
}
