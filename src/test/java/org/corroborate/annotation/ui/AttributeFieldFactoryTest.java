package org.corroborate.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.corroborate.scheme.AttributeType;
import org.corroborate.scheme.LabelScheme;
import org.junit.jupiter.api.Test;

/** The editor field each attribute type gets. */
class AttributeFieldFactoryTest {

    @Test
    void freeTextGetsAComboBoxOfTheValuesUsedBeforeThatTakesNewOnes() {
        LabelScheme.Attribute speaker = new LabelScheme.Attribute("speaker", "Speaker", "Who speaks", false);
        AbstractField<?, String> field = AttributeFieldFactory.field(speaker, "Ann", () -> List.of("Bo", "Cy"));
        assertThat(field).isInstanceOf(ComboBox.class);
        assertThat(field.getId()).hasValue("attribute-speaker");
        assertThat(field.getValue()).isEqualTo("Ann");
        @SuppressWarnings("unchecked")
        ComboBox<String> box = (ComboBox<String>) field;
        assertThat(box.isAllowCustomValue()).isTrue();
        assertThat(box.getLabel()).isEqualTo("Speaker");
        assertThat(box.getHelperText()).isEqualTo("Who speaks");
        assertThat(box.getListDataView().getItems()).containsExactly("Bo", "Cy", "Ann");
    }

    @Test
    void aClosedListGetsASelectOfItsValuesAndAsksForNoSuggestions() {
        LabelScheme.Attribute tone = new LabelScheme.Attribute("tone", "Tone", null, false, "choice",
                List.of("calm", "angry"));
        AtomicInteger asked = new AtomicInteger();
        AbstractField<?, String> field = AttributeFieldFactory.field(tone, null, () -> {
            asked.incrementAndGet();
            return List.of();
        });
        assertThat(field).isInstanceOf(Select.class);
        assertThat(field.getId()).hasValue("attribute-tone");
        @SuppressWarnings("unchecked")
        Select<String> select = (Select<String>) field;
        assertThat(select.getListDataView().getItems()).containsExactly("calm", "angry");
        assertThat(asked).hasValue(0);
    }

    @Test
    void everyRegisteredTypeHasAField() {
        for (AttributeType type : AttributeType.all()) {
            LabelScheme.Attribute attribute = new LabelScheme.Attribute("a", "A", null, false, type.name(),
                    type.field() == AttributeType.Field.CHOICE ? List.of("x") : List.of());
            assertThat(AttributeFieldFactory.field(attribute, null, List::of)).as(type.name()).isNotNull();
        }
    }

    @Test
    void aRequiredAttributeIsMarkedAsRequiredInEveryKindOfField() {
        for (AttributeType type : AttributeType.all()) {
            List<String> values = type.field() == AttributeType.Field.CHOICE ? List.of("x") : List.of();
            LabelScheme.Attribute required = new LabelScheme.Attribute("a", "A", null, true, type.name(), values);
            LabelScheme.Attribute optional = new LabelScheme.Attribute("a", "A", null, false, type.name(), values);
            assertThat(AttributeFieldFactory.field(required, null, List::of).isRequiredIndicatorVisible())
                    .as(type.name() + ", required").isTrue();
            assertThat(AttributeFieldFactory.field(optional, null, List::of).isRequiredIndicatorVisible())
                    .as(type.name() + ", optional").isFalse();
        }
    }
}
