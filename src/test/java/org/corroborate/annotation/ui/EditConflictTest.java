package org.corroborate.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.scheme.LabelScheme;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The conflict view's rows and choices: only what differs is asked, and the merge takes each field from the side chosen. */
class EditConflictTest {

    private static final LabelScheme SCHEME = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
            .readValue(Path.of("annotations", "scheme.json").toFile(), LabelScheme.class);

    private static final AnnotationDetails THEIRS = new AnnotationDetails(5L, 7L, 0, 4, "QUOTE",
            Map.of("speaker", "Ines Duarte"), "their note", "uma", Instant.EPOCH, Instant.EPOCH, "text", "", "", 2,
            null, 1L, 1);

    private final List<EditConflict.Draft> saved = new ArrayList<>();
    private boolean keptTheirs;

    private EditConflict conflict(EditConflict.Draft mine) {
        return new EditConflict(SCHEME, THEIRS, "sid", mine, () -> keptTheirs = true, saved::add);
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<String> choice(Component root, String key) {
        return (RadioButtonGroup<String>) all(root).filter(c -> c.getId().equals(Optional.of("conflict-choice-" + key)))
                .findFirst().orElseThrow();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(EditConflictTest::all));
    }

    @Test
    void asksOnlyForTheFieldsThatDifferAndMergesTheChosenSides() {
        EditConflict view = conflict(new EditConflict.Draft("QUOTE", Map.of("speaker", "I. Duarte"), "my note"));
        assertThat(all(view).flatMap(c -> c.getId().stream()).filter(id -> id.startsWith("conflict-choice-")))
                .containsExactly("conflict-choice-attribute-speaker", "conflict-choice-note");

        choice(view, "attribute-speaker").setValue(EditConflict.THEIRS);
        assertThat(view.merged()).isEqualTo(new EditConflict.Draft("QUOTE", Map.of("speaker", "Ines Duarte"),
                "my note"));
        choice(view, "note").setValue(EditConflict.THEIRS);
        choice(view, "attribute-speaker").setValue(EditConflict.MINE);
        assertThat(view.merged()).isEqualTo(new EditConflict.Draft("QUOTE", Map.of("speaker", "I. Duarte"),
                "their note"));
    }

    @Test
    void aFieldClearedOnMySideStaysClearedWhenMineIsChosen() {
        EditConflict view = conflict(new EditConflict.Draft("FACT", Map.of(), "their note"));
        assertThat(all(view).flatMap(c -> c.getId().stream()).filter(id -> id.startsWith("conflict-choice-")))
                .containsExactly("conflict-choice-label", "conflict-choice-attribute-speaker");
        assertThat(view.merged()).isEqualTo(new EditConflict.Draft("FACT", Map.of(), "their note"));
        choice(view, "label").setValue(EditConflict.THEIRS);
        assertThat(view.merged().label()).isEqualTo("QUOTE");
    }
}
