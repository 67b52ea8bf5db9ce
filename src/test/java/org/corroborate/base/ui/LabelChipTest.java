package org.corroborate.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A label chip stays readable on any scheme colour. */
class LabelChipTest {

    @Test
    void luminanceFollowsWcag() {
        assertThat(LabelChip.luminance("#000000")).isEqualTo(0.0);
        assertThat(LabelChip.luminance("#FFFFFF")).isCloseTo(1.0, within(1e-9));
        assertThat(LabelChip.luminance("#808080")).isCloseTo(0.2158605, within(1e-6));
    }

    @Test
    void darkColoursGetWhiteTextAndLightOnesBlack() {
        // The demo scheme's colours: green, blue, red.
        assertThat(LabelChip.inkOn("#2e7d32")).isEqualTo("#ffffff");
        assertThat(LabelChip.inkOn("#1565c0")).isEqualTo("#ffffff");
        assertThat(LabelChip.inkOn("#c62828")).isEqualTo("#ffffff");
        // Yellow, light cyan, pale grey: white text on these would fail WCAG's 4.5:1.
        assertThat(LabelChip.inkOn("#fdd835")).isEqualTo("#000000");
        assertThat(LabelChip.inkOn("#80deea")).isEqualTo("#000000");
        assertThat(LabelChip.inkOn("#e0e0e0")).isEqualTo("#000000");
    }

    @Test
    void theChipCarriesItsNameAndBothColours() {
        LabelChip chip = new LabelChip("QUOTE", "#fdd835");
        assertThat(chip.getText()).isEqualTo("QUOTE");
        assertThat(chip.getClassNames()).contains("cb-label-chip");
        assertThat(chip.getStyle().get("--cb-label-color")).isEqualTo("#fdd835");
        assertThat(chip.getStyle().get("--cb-label-ink")).isEqualTo("#000000");
    }

    @Test
    void aLabelTheSchemeDoesNotKnowIsGrey() {
        LabelChip chip = new LabelChip("OLD", null);
        assertThat(chip.getStyle().get("--cb-label-color")).isEqualTo(LabelChip.UNKNOWN_COLOR);
        assertThat(chip.getStyle().get("--cb-label-ink")).isEqualTo("#ffffff");
    }
}
