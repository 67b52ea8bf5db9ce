package org.corroborate.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a reason dialog lets a change go. */
class ReasonDialogTest {

    @Test
    void aRequiredReasonMustBeGiven() {
        assertThat(ReasonDialog.problem("", true, 2000, "Every decision needs a reason."))
                .isEqualTo("Every decision needs a reason.");
        assertThat(ReasonDialog.problem("Duplicate of unit 3", true, 2000, "x")).isNull();
    }

    @Test
    void anOptionalReasonMayBeEmpty() {
        assertThat(ReasonDialog.problem("", false, 2000, "x")).isNull();
    }

    @Test
    void aReasonOverTheLimitIsRefused() {
        assertThat(ReasonDialog.problem("a".repeat(11), true, 10, "x")).isEqualTo("At most 10 characters, please.");
        assertThat(ReasonDialog.problem("a".repeat(10), true, 10, "x")).isNull();
    }
}
