package org.corroborate.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BaseJsonNode;

/**
 * The Java side of {@code <cb-source-text>} (frontend/components/source-text/source-text.ts): a source's text
 * with its annotations as highlights. Offsets in both directions count Unicode code points.
 */
@Tag("cb-source-text")
@JsModule("./components/source-text/source-text.ts")
public class SourceTextElement extends Component implements HasSize, HasStyle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A label as the component draws it. */
    public record Label(String name, String title, String color, String hotkey) {}

    /** A relation as the component draws it: an arc from the highlight {@code from} to {@code to}, labelled {@code title}. */
    public record Relation(String id, String from, String to, String type, String title) {}

    public SourceTextElement() {
        getElement().setAttribute("tabindex", "0");
    }

    public void setText(String text) {
        getElement().setProperty("text", text);
    }

    /**
     * Where the pages begin (code points, ascending, page 1 at 0), drawn as page breaks marked
     * "Page N" that are not part of the text; empty for a text without pages.
     */
    public void setPageStarts(List<Integer> pageStarts) {
        getElement().setPropertyJson("pageStarts", (ArrayNode) JSON.valueToTree(pageStarts));
    }

    /** Told when the caret moves onto another page of a paged text. */
    public Registration addCaretPageListener(ComponentEventListener<CaretPageEvent> listener) {
        return addListener(CaretPageEvent.class, listener);
    }

    public void setLabels(List<Label> labels) {
        getElement().setPropertyJson("labels", (ArrayNode) JSON.valueToTree(labels));
    }

    /** Replaces every highlight: a full re-render, for opening a source or switching what is shown. */
    public void setHighlights(List<Highlight> highlights) {
        getElement().setPropertyJson("annotations", (ArrayNode) JSON.valueToTree(highlights));
    }

    /** Adds or replaces one highlight; the component redraws only the text it touches. */
    public void upsert(Highlight highlight) {
        getElement().callJsFunction("upsertAnnotation", (BaseJsonNode) JSON.valueToTree(highlight));
    }

    /** A highlight as the component's {@code upsertAnnotation} takes it (for the undo preview). */
    static BaseJsonNode json(Highlight highlight) {
        return (BaseJsonNode) JSON.valueToTree(highlight);
    }

    public void remove(String id) {
        getElement().callJsFunction("removeAnnotation", id);
    }

    /** Scrolls to an annotation and selects it. */
    public void reveal(String id) {
        getElement().callJsFunction("scrollToAnnotation", id);
    }

    /**
     * Scrolls to {@code [start, end)} (code points) and selects the shown annotation with exactly
     * that span (firing the selection event), or else the range as text.
     */
    public void revealRange(int start, int end) {
        getElement().callJsFunction("revealRange", start, end);
    }

    public void setSelectedId(String id) {
        if (id == null) {
            getElement().removeProperty("selectedId");
        } else {
            getElement().setProperty("selectedId", id);
        }
    }

    /** The relations drawn as arcs between the highlights (those whose two highlights are shown). */
    public void setRelations(List<Relation> relations) {
        getElement().setPropertyJson("relations", (ArrayNode) JSON.valueToTree(relations));
    }

    /** Starts link mode at a highlight: the person then clicks the other end, or reaches it with ] / [ and Enter. */
    public void startLink(String fromId) {
        getElement().callJsFunction("startLink", fromId);
    }

    public Registration addLinkListener(ComponentEventListener<LinkEvent> listener) {
        return addListener(LinkEvent.class, listener);
    }

    public Registration addLinkCancelListener(ComponentEventListener<LinkCancelEvent> listener) {
        return addListener(LinkCancelEvent.class, listener);
    }

    public void setSnapToWords(boolean snap) {
        getElement().setProperty("snapToWords", snap);
    }

    /** Alt+T and Ctrl/⌘+F work wherever the focus is on the page (the workspace; not a second text on a page). */
    public void setGlobalKeys(boolean global) {
        getElement().setProperty("globalKeys", global);
    }

    /** The keys the {@code ?} overlay lists. */
    public void setKeymap(List<Keymap.Group> groups) {
        getElement().setPropertyJson("keymap", (ArrayNode) JSON.valueToTree(groups));
    }

    /** Puts the keyboard focus on the text at its caret (Alt+T, Esc in the editor). */
    public void focusText() {
        getElement().callJsFunction("focusText");
    }

    public void clearTextSelection() {
        getElement().callJsFunction("clearSelection");
    }

    public Registration addSelectionListener(ComponentEventListener<SelectionEvent> listener) {
        return addListener(SelectionEvent.class, listener);
    }

    public Registration addTagListener(ComponentEventListener<TagEvent> listener) {
        return addListener(TagEvent.class, listener);
    }

    public Registration addAnnotationSelectedListener(ComponentEventListener<AnnotationSelectedEvent> listener) {
        return addListener(AnnotationSelectedEvent.class, listener);
    }

    public Registration addOpenListener(ComponentEventListener<OpenEvent> listener) {
        return addListener(OpenEvent.class, listener);
    }

    public Registration addDeleteListener(ComponentEventListener<DeleteEvent> listener) {
        return addListener(DeleteEvent.class, listener);
    }

    public Registration addEscapeListener(ComponentEventListener<EscapeEvent> listener) {
        return addListener(EscapeEvent.class, listener);
    }

    /** The person finished selecting text (start -1 when the selection was cleared). */
    @DomEvent("cb-selection")
    public static class SelectionEvent extends ComponentEvent<SourceTextElement> {
        private final int start;
        private final int end;
        private final String text;

        public SelectionEvent(SourceTextElement source, boolean fromClient, @EventData("event.detail.start") int start,
                              @EventData("event.detail.end") int end, @EventData("event.detail.text") String text) {
            super(source, fromClient);
            this.start = start;
            this.end = end;
            this.text = text;
        }

        public int start() { return start; }
        public int end() { return end; }
        public String text() { return text; }
        public boolean isEmpty() { return start < 0 || end <= start; }
    }

    /** The caret moved onto another page: {@code page} from 1, of {@code pages}. */
    @DomEvent("cb-caret-page")
    public static class CaretPageEvent extends ComponentEvent<SourceTextElement> {
        private final int page;
        private final int pages;

        public CaretPageEvent(SourceTextElement source, boolean fromClient, @EventData("event.detail.page") int page,
                              @EventData("event.detail.pages") int pages) {
            super(source, fromClient);
            this.page = page;
            this.pages = pages;
        }

        public int page() { return page; }
        public int pages() { return pages; }
    }

    /** The person pressed a label's hotkey with text selected (or Alt+hotkey on a find hit). */
    @DomEvent("cb-tag")
    public static class TagEvent extends ComponentEvent<SourceTextElement> {
        private final int start;
        private final int end;
        private final String label;

        public TagEvent(SourceTextElement source, boolean fromClient, @EventData("event.detail.start") int start,
                        @EventData("event.detail.end") int end, @EventData("event.detail.label") String label) {
            super(source, fromClient);
            this.start = start;
            this.end = end;
            this.label = label;
        }

        public int start() { return start; }
        public int end() { return end; }
        public String label() { return label; }
    }

    /** The person clicked an annotation or moved to it with ] or [. */
    @DomEvent("cb-annotation-selected")
    public static class AnnotationSelectedEvent extends ComponentEvent<SourceTextElement> {
        private final String id;

        public AnnotationSelectedEvent(SourceTextElement source, boolean fromClient, @EventData("event.detail.id") String id) {
            super(source, fromClient);
            this.id = id;
        }

        public String id() { return id; }
    }

    /** The person pressed Enter on an annotation: open it in the editor, with the focus there. */
    @DomEvent("cb-open")
    public static class OpenEvent extends ComponentEvent<SourceTextElement> {
        private final String id;

        public OpenEvent(SourceTextElement source, boolean fromClient, @EventData("event.detail.id") String id) {
            super(source, fromClient);
            this.id = id;
        }

        public String id() { return id; }
    }

    /** The person pressed Delete with an annotation selected. */
    @DomEvent("cb-delete")
    public static class DeleteEvent extends ComponentEvent<SourceTextElement> {
        private final String id;

        public DeleteEvent(SourceTextElement source, boolean fromClient, @EventData("event.detail.id") String id) {
            super(source, fromClient);
            this.id = id;
        }

        public String id() { return id; }
    }

    /** The person pressed Escape. */
    @DomEvent("cb-escape")
    public static class EscapeEvent extends ComponentEvent<SourceTextElement> {
        public EscapeEvent(SourceTextElement source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** The person chose the other end of a link (a click, or Enter in link mode): from one highlight to another. */
    @DomEvent("cb-link")
    public static class LinkEvent extends ComponentEvent<SourceTextElement> {
        private final String from;
        private final String to;

        public LinkEvent(SourceTextElement source, boolean fromClient, @EventData("event.detail.from") String from,
                         @EventData("event.detail.to") String to) {
            super(source, fromClient);
            this.from = from;
            this.to = to;
        }

        public String from() { return from; }
        public String to() { return to; }
    }

    /** The person left link mode without a link (Escape). */
    @DomEvent("cb-link-cancel")
    public static class LinkCancelEvent extends ComponentEvent<SourceTextElement> {
        public LinkCancelEvent(SourceTextElement source, boolean fromClient) {
            super(source, fromClient);
        }
    }
}
