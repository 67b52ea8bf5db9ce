package org.corroborate.claim.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import org.corroborate.claim.ClaimBoard;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Java side of {@code <cb-claims-board>} ({@code frontend/components/claims-board/claims-board.ts}):
 * the board is sent whole (it is small: cells only where a source says something); filtering,
 * sorting and windowing happen in the browser.
 */
@Tag("cb-claims-board")
@JsModule("./components/claims-board/claims-board.ts")
public class ClaimsBoardElement extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The whole board, as {@code GET /api/claims/board} answers it. */
    public void show(ClaimBoard.Board board) {
        getElement().setPropertyJson("board", (ObjectNode) JSON.valueToTree(board));
    }

    /** Which claims to show (applied in the browser, as {@link ClaimBoard} applies it for the CSV). */
    public void filter(ClaimBoard.Filter filter) {
        ObjectNode json = JSON.createObjectNode();
        json.put("text", filter.text() == null ? "" : filter.text());
        if (filter.source() == null) {
            json.putNull("source");
        } else {
            json.put("source", filter.source());
        }
        if (filter.stance() == null) {
            json.putNull("stance");
        } else {
            json.put("stance", filter.stance().name());
        }
        json.put("contradictions", filter.contradictions());
        json.put("drift", filter.drift());
        getElement().setPropertyJson("filter", json);
    }

    /** What the grid says when no claim passes the filter. */
    public void setEmptyText(String text) {
        getElement().setProperty("emptyText", text);
    }

    public Registration addOpenClaimListener(ComponentEventListener<OpenClaim> listener) {
        return addListener(OpenClaim.class, listener);
    }

    public Registration addOpenCellListener(ComponentEventListener<OpenCell> listener) {
        return addListener(OpenCell.class, listener);
    }

    /** The viewer chose a statement (click or Enter). */
    @DomEvent("cb-open-claim")
    public static class OpenClaim extends ComponentEvent<ClaimsBoardElement> {
        private final long claim;

        public OpenClaim(ClaimsBoardElement source, boolean fromClient, @EventData("event.detail.claim") long claim) {
            super(source, fromClient);
            this.claim = claim;
        }

        public long claim() { return claim; }
    }

    /** The viewer chose a filled cell: its first member, in code points of its source. */
    @DomEvent("cb-open-cell")
    public static class OpenCell extends ComponentEvent<ClaimsBoardElement> {
        private final long source;
        private final int start;
        private final int end;

        public OpenCell(ClaimsBoardElement element, boolean fromClient, @EventData("event.detail.source") long source,
                        @EventData("event.detail.start") int start, @EventData("event.detail.end") int end) {
            super(element, fromClient);
            this.source = source;
            this.start = start;
            this.end = end;
        }

        public long source() { return source; }
        public int start() { return start; }
        public int end() { return end; }
    }
}
