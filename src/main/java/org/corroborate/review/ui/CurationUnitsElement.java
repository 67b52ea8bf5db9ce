package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The Java side of {@code <cb-curation-units>} (frontend/components/curation-units/curation-units.ts):
 * the units of a source as cards in a virtualised list, sent in one piece. Offsets count code points.
 */
@Tag("cb-curation-units")
@JsModule("./components/curation-units/curation-units.ts")
public class CurationUnitsElement extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    void setText(String text) {
        getElement().setProperty("text", text);
    }

    void setUnits(List<CurationCards.Card> cards) {
        getElement().setPropertyJson("units", (ArrayNode) JSON.valueToTree(cards));
    }

    /** Scrolls to the unit with this key and emphasises it (null: none). */
    void focus(String key) {
        if (key == null) {
            getElement().removeProperty("focusKey");
        } else {
            getElement().setProperty("focusKey", key);
        }
    }

    Registration addActionListener(ComponentEventListener<ActionEvent> listener) {
        return addListener(ActionEvent.class, listener);
    }

    /** The supervisor pressed Accept, Edit &amp; accept or Reject all on a unit's card. */
    @DomEvent("cb-unit-action")
    public static class ActionEvent extends ComponentEvent<CurationUnitsElement> {
        private final String key;
        private final String action;
        private final long annotation;

        public ActionEvent(CurationUnitsElement source, boolean fromClient, @EventData("event.detail.key") String key,
                    @EventData("event.detail.action") String action,
                    @EventData("event.detail.annotation") long annotation) {
            super(source, fromClient);
            this.key = key;
            this.action = action;
            this.annotation = annotation;
        }

        String key() { return key; }
        String action() { return action; }
        long annotation() { return annotation; }
    }
}
