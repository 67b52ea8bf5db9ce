package org.corroborate.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemeReaderTest {

    @Test
    void theShippedSchemeIsValidAndHasTheThreeLabels() throws Exception {
        LabelScheme scheme = SchemeReader.read("annotations/scheme.json",
                Files.readString(Path.of("annotations/scheme.json")));
        assertThat(scheme.labels()).extracting(LabelScheme.Label::name).containsExactly("FACT", "QUOTE", "ALLEGATION");
        assertThat(scheme.labels()).extracting(LabelScheme.Label::hotkey).containsExactly("1", "2", "3");
        assertThat(scheme.label("QUOTE").orElseThrow().attributes()).extracting(LabelScheme.Attribute::name)
                .containsExactly("speaker");
        assertThat(scheme.label("ALLEGATION").orElseThrow().attributes()).extracting(LabelScheme.Attribute::name)
                .containsExactly("allegedBy", "allegedAgainst");
    }

    @Test
    void listsEveryProblemOfAnInvalidScheme() {
        assertThatThrownBy(() -> SchemeReader.read("x.json", """
                {"name": "", "version": "1.0.0", "labels": [
                  {"name": "FACT", "title": "Fact", "color": "#2e7d32", "hotkey": "12", "attributes": []},
                  {"name": "FACT", "title": "", "color": "#2e7d32", "attributes": [
                     {"name": "note", "title": "Note"}, {"name": "Speaker Name", "title": "S"}]}]}
                """))
                .isInstanceOf(InvalidSchemeException.class)
                .satisfies(e -> assertThat(((InvalidSchemeException) e).problems()).containsExactlyInAnyOrder(
                        "'name' is missing",
                        "label 'FACT': 'hotkey' must be one character, found '12'",
                        "label 'FACT': the name is used twice",
                        "label 'FACT': 'title' is missing",
                        "label 'FACT': attribute 'note' is reserved (every annotation has a note)",
                        "label 'FACT': attribute 'Speaker Name' must be a camelCase name such as 'allegedBy'"));
    }

    @Test
    void refusesUnknownFieldsAndBrokenJson() {
        assertThatThrownBy(() -> SchemeReader.read("x.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"labelz\": []}"))
                .isInstanceOf(InvalidSchemeException.class).hasMessageContaining("labelz");
        assertThatThrownBy(() -> SchemeReader.read("x.json", "{\"name\": "))
                .isInstanceOf(InvalidSchemeException.class).hasMessageContaining("not valid scheme JSON");
    }

    @Test
    void anEmptyLabelListIsRefused() {
        assertThatThrownBy(() -> SchemeReader.read("x.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"labels\": []}"))
                .hasMessageContaining("'labels' must list at least one label");
    }
}
