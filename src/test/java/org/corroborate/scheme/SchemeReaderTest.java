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
                .isInstanceOf(InvalidSchemeException.class)
                .hasMessageContaining("'labelz' is not a field this request takes; it takes")
                .hasMessageContaining("'labels'").hasMessageNotContaining("org.corroborate");
        assertThatThrownBy(() -> SchemeReader.read("x.json", "{\"name\": "))
                .isInstanceOf(InvalidSchemeException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void anEmptyLabelListIsRefused() {
        assertThatThrownBy(() -> SchemeReader.read("x.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"labels\": []}"))
                .hasMessageContaining("'labels' must list at least one label");
    }

    @Test
    void attributesWithoutATypeAreFreeTextAndTheShippedOnesAreOptional() throws Exception {
        LabelScheme scheme = SchemeReader.read("annotations/scheme.json",
                Files.readString(Path.of("annotations/scheme.json")));
        scheme.labels().forEach(label -> label.attributes().forEach(attribute -> {
            assertThat(attribute.type()).isEqualTo("text");
            assertThat(attribute.attributeType().field()).isEqualTo(AttributeType.Field.TEXT_WITH_SUGGESTIONS);
            assertThat(attribute.required()).as(attribute.name()).isFalse();
        }));
    }

    @Test
    void readsAClosedListWithItsValues() {
        LabelScheme scheme = SchemeReader.read("x.json", """
                {"name": "a", "version": "1.0.0", "labels": [
                  {"name": "QUOTE", "title": "Quote", "color": "#1565c0", "attributes": [
                     {"name": "tone", "title": "Tone", "type": "choice", "values": ["calm", "angry"], "required": true}]}]}
                """);
        LabelScheme.Attribute tone = scheme.label("QUOTE").orElseThrow().attribute("tone").orElseThrow();
        assertThat(tone.attributeType().name()).isEqualTo("choice");
        assertThat(tone.attributeType().allowedValues(tone)).containsExactly("calm", "angry");
        assertThat(tone.required()).isTrue();
    }

    @Test
    void refusesUnknownTypesAndBadlyDeclaredValues() {
        assertThatThrownBy(() -> SchemeReader.read("x.json", """
                {"name": "a", "version": "1.0.0", "labels": [
                  {"name": "QUOTE", "title": "Quote", "color": "#1565c0", "attributes": [
                     {"name": "speaker", "title": "Speaker", "type": "person"},
                     {"name": "tone", "title": "Tone", "type": "choice"},
                     {"name": "mood", "title": "Mood", "type": "choice", "values": ["calm", "very angry", "calm"]},
                     {"name": "source", "title": "Source", "values": ["x"]}]}]}
                """))
                .isInstanceOf(InvalidSchemeException.class)
                .satisfies(e -> assertThat(((InvalidSchemeException) e).problems()).containsExactlyInAnyOrder(
                        "label 'QUOTE': attribute 'speaker' has the unknown type 'person'; use one of [text, choice, yesno, agent]",
                        "label 'QUOTE': attribute 'tone' is a closed list ('choice') and must list its 'values'",
                        "label 'QUOTE': attribute 'mood': the value 'very angry' must be one word of at most 100 "
                                + "characters",
                        "label 'QUOTE': attribute 'mood': the value 'calm' is listed twice",
                        "label 'QUOTE': attribute 'source' is of type 'text', which takes no 'values'"));
    }

    @Test
    void theShippedSchemeHasThreeRelationTypesBetweenItsLabels() throws Exception {
        LabelScheme scheme = SchemeReader.read("annotations/scheme.json",
                Files.readString(Path.of("annotations/scheme.json")));
        assertThat(scheme.relations()).extracting(LabelScheme.RelationType::name)
                .containsExactly("said_by", "made_by", "against");
        LabelScheme.RelationType saidBy = scheme.relation("said_by").orElseThrow();
        assertThat(saidBy.title()).isEqualTo("said by");
        assertThat(saidBy.description()).isNotBlank();
        assertThat(saidBy.fits("QUOTE", "FACT")).isTrue();
        assertThat(saidBy.fits("FACT", "QUOTE")).isFalse();
        assertThat(scheme.relationsFitting("ALLEGATION", "FACT")).extracting(LabelScheme.RelationType::name)
                .containsExactly("made_by", "against");
        assertThat(scheme.relation("quoted_in")).isEmpty();
        assertThat(scheme.relationTitleOf("quoted_in")).isEqualTo("quoted_in");
    }

    @Test
    void aSchemeWithoutRelationsHasNoneAndWritesNone() {
        LabelScheme scheme = SchemeReader.read("x.json", """
                {"name": "a", "version": "1.0.0", "labels": [
                  {"name": "FACT", "title": "Fact", "color": "#2e7d32", "attributes": []}]}
                """);
        assertThat(scheme.relations()).isEmpty();
        assertThat(SchemeReader.write(scheme)).doesNotContain("relations");
    }

    @Test
    void aRelationTypeWithoutATitleIsCalledByItsName() {
        LabelScheme scheme = SchemeReader.read("x.json", """
                {"name": "a", "version": "1.0.0", "labels": [
                  {"name": "FACT", "title": "Fact", "color": "#2e7d32", "attributes": []}],
                 "relations": [{"name": "same-as", "from": ["FACT"], "to": ["FACT"]}]}
                """);
        assertThat(scheme.relation("same-as").orElseThrow().title()).isEqualTo("same-as");
        assertThat(SchemeReader.read("again", SchemeReader.write(scheme))).isEqualTo(scheme);
    }

    @Test
    void listsEveryProblemOfItsRelationTypes() {
        assertThatThrownBy(() -> SchemeReader.read("x.json", """
                {"name": "a", "version": "1.0.0", "labels": [
                  {"name": "FACT", "title": "Fact", "color": "#2e7d32", "attributes": []}],
                 "relations": [
                   {"name": "said by", "from": ["FACT"], "to": ["FACT"]},
                   {"name": "cites", "from": ["FACT"], "to": ["RUMOUR"]},
                   {"name": "cites", "from": [], "to": ["FACT"]}]}
                """))
                .isInstanceOf(InvalidSchemeException.class)
                .satisfies(e -> assertThat(((InvalidSchemeException) e).problems()).containsExactlyInAnyOrder(
                        "relation type 'said by': the name must be letters, digits, '_' or '-' (no spaces), "
                                + "starting with a letter, at most 32",
                        "relation type 'cites': 'to' names the label 'RUMOUR', which the scheme does not have",
                        "relation type 'cites': the name is used twice",
                        "relation type 'cites': 'from' must name at least one label"));
    }
}
