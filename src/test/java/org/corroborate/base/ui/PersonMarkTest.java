package org.corroborate.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Initials and colours that tell people apart: stable per name, distinct on one screen, readable. */
class PersonMarkTest {

    @Test
    void aliceAndAdminNoLongerLookAlike() {
        Map<String, PersonMark> marks = PersonMark.of(List.of("alice", "admin"));
        assertThat(marks.get("alice").initials()).isEqualTo("AL");
        assertThat(marks.get("admin").initials()).isEqualTo("AD");
        assertThat(marks.get("alice").color()).isNotEqualTo(marks.get("admin").color());
    }

    @Test
    void theDemoPeopleHaveColoursOfTheirOwnWhoeverElseIsShown() {
        List<String> demo = List.of("alice", "bob", "carol", "sam", "admin");
        Map<String, PersonMark> all = PersonMark.of(demo);
        assertThat(all.values().stream().map(PersonMark::color).distinct()).hasSize(5);
        for (String name : demo) {
            assertThat(PersonMark.of(name)).as("stable: the same alone as among everyone").isEqualTo(all.get(name));
        }
    }

    @Test
    void namesInPartsGiveTheirPartsInitialsAndLookAlikesAreTold() {
        assertThat(PersonMark.of("anna.smith").initials()).isEqualTo("AS");
        assertThat(PersonMark.of("j_doe").initials()).isEqualTo("JD");
        Map<String, PersonMark> twins = PersonMark.of(Set.of("alice", "alina", "alex"));
        assertThat(twins.values().stream().map(PersonMark::initials).distinct()).hasSize(3);
        assertThat(twins.values().stream().map(PersonMark::color).distinct()).hasSize(3);
        assertThat(twins.get("alex").initials()).isEqualTo("AL");
        assertThat(twins.get("alice").initials()).isEqualTo("AI");
    }

    @Test
    void everyColourCarriesWhiteInitialsReadably() {
        for (String color : PersonMark.PALETTE) {
            double contrast = 1.05 / (LabelChip.luminance(color) + 0.05);
            assertThat(contrast).as(color).isGreaterThanOrEqualTo(4.5);
            assertThat(color).as("not a label colour of the shipped scheme").isNotIn("#2e7d32", "#1565c0", "#c62828");
        }
    }
}
