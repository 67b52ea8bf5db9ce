package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Java side of {@code <cb-agreement-chart>}: a reviewer-by-reviewer heat map (pairwise measures;
 * else the overall figure) and per-label bars (Chart.js), with the measure's scope rule as caption.
 */
@Tag("cb-agreement-chart")
@JsModule("./components/agreement-chart.ts")
@NpmPackage(value = "chart.js", version = "4.5.0")
public class AgreementChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Pairwise values, reviewers in both directions; null where undefined. */
    public record Matrix(List<String> reviewers, List<List<Double>> values) {}

    /** One bar per label, in the label's colour. */
    public record Bars(List<String> labels, List<String> colors, List<Double> values) {}

    /**
     * Shows one measure: its overall figure (null: undefined), its scope rule, the pairwise values (an
     * empty matrix for a measure that is not pairwise) and the per-label bars; {@code lowest} is the
     * measure's lowest value (0 for span F1, −1 for the kappas), where the heat map is reddest.
     */
    public void show(String measure, Double overall, String scope, double lowest, Matrix matrix, Bars bars) {
        getElement().setProperty("measure", measure);
        getElement().setProperty("lowest", lowest);
        getElement().setProperty("scope", scope == null ? "" : scope);
        if (overall == null) {
            getElement().removeProperty("overall");
        } else {
            getElement().setProperty("overall", overall);
        }
        getElement().setPropertyJson("matrix", (ObjectNode) JSON.valueToTree(matrix));
        getElement().setPropertyJson("bars", (ObjectNode) JSON.valueToTree(bars));
    }

    public Registration addCellClickListener(ComponentEventListener<CellClickEvent> listener) {
        return addListener(CellClickEvent.class, listener);
    }

    /** A supervisor clicked the cell of two reviewers. */
    @DomEvent("cb-cell")
    public static class CellClickEvent extends ComponentEvent<AgreementChart> {
        private final String first;
        private final String second;

        public CellClickEvent(AgreementChart source, boolean fromClient, @EventData("event.detail.first") String first,
                              @EventData("event.detail.second") String second) {
            super(source, fromClient);
            this.first = first;
            this.second = second;
        }

        public String first() { return first; }
        public String second() { return second; }
    }
}
