package org.corroborate.review.ui;

import com.vaadin.flow.component.ClientCallable;
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
 * the units of a source as cards in a virtualised list: the cards of the first screen at once, the
 * rest in one more round trip once those are painted (never a round trip per unit). Offsets count
 * code points.
 */
@Tag("cb-curation-units")
@JsModule("./components/curation-units/curation-units.ts")
public class CurationUnitsElement extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    void setText(String text) {
        getElement().setProperty("text", text);
    }

    /** Every card; the browser gets the first ones at once and asks for the rest after it painted them ({@link #loadAll}). */
    private List<CurationCards.Card> all = List.of();

    /**
     * Shows these cards, {@code focus} (an index, or -1) among the first sent: the page is painted from
     * a window of {@link #FIRST} cards around it, and the rest follows in one more round trip.
     */
    void setUnits(List<CurationCards.Card> cards, int focus) {
        all = List.copyOf(cards);
        int from = focus < 0 ? 0 : Math.max(0, focus - FIRST / 3);
        int to = Math.min(all.size(), from + FIRST);
        getElement().setProperty("total", all.size());
        getElement().setProperty("offset", from);
        getElement().setPropertyJson("units", (ArrayNode) JSON.valueToTree(all.subList(from, to)));
    }

    /** How many cards the first paint gets: more than a tall screen shows. */
    static final int FIRST = 30;

    /** The browser painted the first cards and asks for all of them. */
    @ClientCallable
    void loadAll() {
        getElement().setProperty("offset", 0);
        getElement().setPropertyJson("units", (ArrayNode) JSON.valueToTree(all));
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
