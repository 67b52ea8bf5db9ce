package org.corroborate.claim.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Locale;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.ui.UndoableAction;
import org.corroborate.annotation.ui.WorkspaceExtension;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.ClaimSummary;
import org.corroborate.claim.Stance;
import org.corroborate.claim.suggestion.Suggestion;
import org.corroborate.claim.suggestion.SuggestionLinking;
import org.corroborate.claim.suggestion.SuggestionService;
import org.corroborate.project.ProjectService;

/**
 * In the annotation panel: <b>Suggestions</b>, passages of the project's other sources that may
 * carry the selected annotation's claim, best first, each with its source's title and the matching
 * words emphasised. Read when asked for with <b>Show suggestions</b> (not on every selection). ↓/↑ move between
 * passages; S, C or Q (or the buttons) link the focused one to the annotation's claim as supports,
 * contradicts or qualifies ({@link SuggestionLinking}); when the annotation is in no claim yet a
 * dialog proposes a new one, when in several it asks which. Each link goes on the workspace's undo.
 */
@org.springframework.stereotype.Component
class SuggestionsPanel implements WorkspaceExtension {

    private static final int SIZE = 10;
    /** Moves focus between the passages with the arrow keys; S, C and Q stop here (the text's keys stay put). */
    private static final String KEYS = """
            this.addEventListener('keydown', e => {
              const item = e.target.closest('.cb-suggestion');
              if (!item || e.ctrlKey || e.metaKey || e.altKey) return;
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                const items = [...this.querySelectorAll('.cb-suggestion')];
                const next = items[items.indexOf(item) + (e.key === 'ArrowDown' ? 1 : -1)];
                if (next) { next.focus(); }
                e.preventDefault();
                e.stopPropagation();
              } else if (['s', 'c', 'q'].includes(e.key.toLowerCase())) {
                e.stopPropagation();
              }
            });""";

    private final SuggestionService suggestions;
    private final SuggestionLinking linking;
    private final ClaimService claims;
    private final ProjectService projects;

    SuggestionsPanel(SuggestionService suggestions, SuggestionLinking linking, ClaimService claims,
                     ProjectService projects) {
        this.suggestions = suggestions;
        this.linking = linking;
        this.claims = claims;
        this.projects = projects;
    }

    @Override
    public Component annotationPanel(Workspace workspace, AnnotationDetails annotation) {
        Div list = new Div();
        list.setId("suggestion-list");
        list.addClassName("cb-suggestions");
        list.getElement().setAttribute("role", "list");
        list.getElement().setAttribute("aria-label", "Suggested passages");
        list.getElement().executeJs(KEYS);
        Div panel = new Div();
        panel.setId("suggestions");
        panel.addClassName("cb-suggestions-panel");
        // Read when asked for, not on every selection: the first question about a project may index it.
        Button open = new Button("Show suggestions");
        open.setId("suggestions-open");
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        open.addClickListener(e -> {
            show(workspace, list, annotation);
            open.setText("Refresh suggestions");
        });
        panel.add(new H4("Suggestions"), open, list);
        return panel;
    }

    private void show(Workspace workspace, Div list, AnnotationDetails origin) {
        list.removeAll();
        List<Suggestion> found = suggestions.suggest(origin.id(), SIZE).suggestions();
        boolean mayLink = origin.project() != null && projects.annotates(origin.project());
        Span hint = new Span(found.isEmpty() ? "No other source of this project has a passage like it."
                : mayLink ? "↓ ↑ move; S supports, C contradicts, Q qualifies: links the passage to this claim."
                : "Passages of other sources that may say the same.");
        hint.addClassName("cb-muted");
        hint.setId("suggestion-hint");
        list.add(hint);
        for (Suggestion suggestion : found) {
            list.add(item(workspace, list, origin, suggestion, mayLink));
        }
    }

    private Div item(Workspace workspace, Div list, AnnotationDetails origin, Suggestion suggestion, boolean mayLink) {
        Div item = new Div();
        item.addClassName("cb-suggestion");
        item.getElement().setAttribute("tabindex", "0");
        item.getElement().setAttribute("role", "listitem");
        item.getElement().setAttribute("data-source", String.valueOf(suggestion.source()));
        Div title = new Div(new Span(suggestion.title()));
        title.addClassName("cb-suggestion-title");
        Div passage = new Div();
        passage.addClassName("cb-suggestion-text");
        emphasise(passage.getElement(), suggestion.text(), suggestions.matchingWords(origin.id(), suggestion.text()));
        item.add(title, passage);
        if (!suggestion.annotations().isEmpty()) {
            Span marks = new Span("Annotated: " + String.join(", ", suggestion.annotations().stream()
                    .map(a -> a.label() + " by " + a.author()).toList()));
            marks.addClassName("cb-muted");
            item.add(new Div(marks));
        }
        item.getElement().setAttribute("aria-label", suggestion.title() + ": " + suggestion.text());
        if (mayLink) {
            Div buttons = new Div();
            buttons.addClassName("cb-suggestion-actions");
            for (Stance stance : Stance.values()) {
                Button button = new Button(words(stance), e -> link(workspace, list, origin, suggestion, stance));
                button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                button.getElement().setAttribute("aria-keyshortcuts", key(stance));
                button.getElement().setAttribute("title", words(stance) + " (" + key(stance) + ")");
                buttons.add(button);
            }
            item.add(buttons);
            item.getElement().addEventListener("keydown", e -> {
                String key = e.getEventData().get("event.key").asString().toUpperCase(Locale.ROOT);
                for (Stance stance : Stance.values()) {
                    if (key(stance).equals(key)) {
                        link(workspace, list, origin, suggestion, stance);
                    }
                }
            }).addEventData("event.key").setFilter("event.target === element && !event.ctrlKey && !event.metaKey "
                    + "&& !event.altKey && ['s','c','q'].includes(event.key.toLowerCase())");
        }
        return item;
    }

    /** Links after asking what must be asked: a statement for a new claim, or which claim among several. */
    private void link(Workspace workspace, Div list, AnnotationDetails origin, Suggestion suggestion, Stance stance) {
        List<ClaimSummary> held = claims.claimsOf(origin.id());
        if (held.size() == 1) {
            link(workspace, list, origin, suggestion, stance, held.getFirst().id(), null);
        } else {
            new ClaimChoiceDialog(origin.text(), held, stance, words(stance).toLowerCase(Locale.ROOT),
                    (claimId, statement) -> link(workspace, list, origin, suggestion, stance, claimId, statement))
                    .open();
        }
    }

    private void link(Workspace workspace, Div list, AnnotationDetails origin, Suggestion suggestion, Stance stance,
                      Long claimId, String statement) {
        SuggestionLinking.Link[] link = new SuggestionLinking.Link[1];
        try {
            link[0] = linking.link(origin.id(), suggestion.source(), suggestion.start(), suggestion.end(), stance,
                    claimId, statement);
        } catch (WorkbenchException e) {
            Notifications.error(e.getMessage());
            return;
        }
        String what = "“" + shorten(suggestion.text()) + "” (" + suggestion.title() + ")";
        Notifications.success("Linked " + what + " to the claim “" + shorten(link[0].statement()) + "” as "
                + words(stance).toLowerCase(Locale.ROOT) + (link[0].annotationCreated() ? ", with a new "
                + origin.label() + " annotation on it." : "."));
        workspace.recordUndoable(new UndoableAction() {
            @Override
            public String description() {
                return "link of " + what + " as " + words(stance).toLowerCase(Locale.ROOT);
            }

            @Override
            public void undo() {
                linking.unlink(link[0]);
            }

            @Override
            public void redo() {
                link[0] = linking.link(origin.id(), suggestion.source(), suggestion.start(), suggestion.end(), stance,
                        link[0].claimCreated() ? null : link[0].claim(), link[0].statement());
            }
        });
        show(workspace, list, origin);
    }

    /** Sets the element's text with the matching words (code point ranges, ascending) in {@code <mark>}. */
    static void emphasise(Element element, String text, List<int[]> matches) {
        int at = 0;
        for (int[] match : matches) {
            int from = text.offsetByCodePoints(0, match[0]);
            int to = text.offsetByCodePoints(0, match[1]);
            if (from < at) {
                continue;
            }
            if (from > at) {
                element.appendChild(Element.createText(text.substring(at, from)));
            }
            element.appendChild(new Element("mark").setText(text.substring(from, to)));
            at = to;
        }
        if (at < text.length()) {
            element.appendChild(Element.createText(text.substring(at)));
        }
    }

    static String key(Stance stance) {
        return switch (stance) {
            case SUPPORTS -> "S";
            case CONTRADICTS -> "C";
            case QUALIFIES -> "Q";
        };
    }

    static String words(Stance stance) {
        return switch (stance) {
            case SUPPORTS -> "Supports";
            case CONTRADICTS -> "Contradicts";
            case QUALIFIES -> "Qualifies";
        };
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
