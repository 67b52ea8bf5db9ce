package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.corroborate.scheme.LabelScheme;
import org.junit.jupiter.api.Test;

/** Imported work that lacks a required attribute is reported, not refused: what the report says. */
class ImportIncompletenessTest {

    static final LabelScheme.Label QUOTE = new LabelScheme.Label("QUOTE", "Quote", null, "#1565c0", "2", List.of(
            new LabelScheme.Attribute("speaker", "Speaker", null, true),
            new LabelScheme.Attribute("addressee", "Addressee", null, true),
            new LabelScheme.Attribute("tone", "Tone", null, false)));

    @Test
    void namesTheMissingRequiredAttributesWithFileAndLine() {
        assertThat(ImportService.incompleteness(QUOTE, Map.of("tone", "calm"), "corpus.jsonl, line 3: span a7 at 13..36"))
                .hasValue("corpus.jsonl, line 3: span a7 at 13..36: A QUOTE span needs the required attributes "
                        + "'speaker' (Speaker), 'addressee' (Addressee); imported without, to be completed in the "
                        + "workbench.");
        assertThat(ImportService.incompleteness(QUOTE, Map.of("speaker", "Ann"), "x"))
                .hasValue("x: A QUOTE span needs the required attribute 'addressee' (Addressee); imported without, "
                        + "to be completed in the workbench.");
    }

    @Test
    void saysNothingWhenEveryRequiredAttributeHasAValue() {
        assertThat(ImportService.incompleteness(QUOTE, Map.of("speaker", "Ann", "addressee", "Bo"), "x")).isEmpty();
    }
}
