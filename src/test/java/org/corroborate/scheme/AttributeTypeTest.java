package org.corroborate.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registered attribute types: what each says about itself, and how values pass through token formats. */
class AttributeTypeTest {

    static final LabelScheme.Attribute SPEAKER = new LabelScheme.Attribute("speaker", "Speaker", null, false);
    static final LabelScheme.Attribute TONE = new LabelScheme.Attribute("tone", "Tone", null, false, "choice",
            List.of("calm", "hearsay_only"));

    @Test
    void everyTypeHasItsOwnNameTitleAndField() {
        List<AttributeType> all = AttributeType.all();
        assertThat(all).extracting(AttributeType::name).doesNotHaveDuplicates().containsExactly("text", "choice", "yesno", "agent");
        all.forEach(type -> {
            assertThat(type.title()).isNotBlank();
            assertThat(type.field()).isNotNull();
            assertThat(AttributeType.named(type.name())).containsInstanceOf(type.getClass());
        });
        assertThat(AttributeType.named("person")).isEmpty();
        assertThat(AttributeType.defaultType().name()).isEqualTo("text");
    }

    @Test
    void freeTextTakesAnyValueAndTravelsAsATokenWithUnderscores() {
        AttributeType text = SPEAKER.attributeType();
        assertThat(text.refusal(SPEAKER, "Zoë Ødegård")).isEmpty();
        assertThat(text.allowedValues(SPEAKER)).isEmpty();
        assertThat(text.token("The mayor\tof Vale")).isEqualTo("The_mayor_of_Vale");
        assertThat(text.fromToken("The_mayor")).isEqualTo("The mayor");
    }

    @Test
    void aClosedListTakesOnlyItsValuesAndTravelsUnchanged() {
        AttributeType choice = TONE.attributeType();
        assertThat(choice.field()).isEqualTo(AttributeType.Field.CHOICE);
        assertThat(choice.refusal(TONE, "calm")).isEmpty();
        assertThat(choice.refusal(TONE, "furious")).hasValue("'tone' must be one of [calm, hearsay_only], not 'furious'.");
        assertThat(choice.allowedValues(TONE)).containsExactly("calm", "hearsay_only");
        assertThat(choice.fromToken(choice.token("hearsay_only"))).isEqualTo("hearsay_only");
    }

    @Test
    void yesNoTakesExactlyYesOrNoAndShowsACheckBox() {
        LabelScheme.Attribute onRecord = new LabelScheme.Attribute("onRecord", "On the record", null, false, "yesno",
                null);
        AttributeType yesNo = onRecord.attributeType();
        assertThat(yesNo.field()).isEqualTo(AttributeType.Field.YES_NO);
        assertThat(yesNo.refusal(onRecord, "yes")).isEmpty();
        assertThat(yesNo.refusal(onRecord, "no")).isEmpty();
        assertThat(yesNo.refusal(onRecord, "Yes")).hasValue("'onRecord' is a yes/no attribute: give 'yes' or 'no', not 'Yes'.");
        assertThat(yesNo.allowedValues(onRecord)).containsExactly("yes", "no");
        assertThat(yesNo.token("no")).isEqualTo("no");
    }

    @Test
    void aPersonOrOrganisationIsFreeTextSuggestedFromEveryAttributeOfItsType() {
        LabelScheme.Attribute speaker = new LabelScheme.Attribute("speaker", "Speaker", null, false, "agent", null);
        AttributeType agent = speaker.attributeType();
        assertThat(agent.title()).isEqualTo("Person or organisation");
        assertThat(agent.field()).isEqualTo(AttributeType.Field.TEXT_WITH_SUGGESTIONS);
        assertThat(agent.suggestsAcrossAttributes()).isTrue();
        assertThat(SPEAKER.attributeType().suggestsAcrossAttributes()).isFalse();
        assertThat(agent.refusal(speaker, "Ministry of Health")).isEmpty();
        assertThat(agent.fromToken(agent.token("Ministry of Health"))).isEqualTo("Ministry of Health");
    }
}
