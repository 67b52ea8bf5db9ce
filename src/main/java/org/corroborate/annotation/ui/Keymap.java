package org.corroborate.annotation.ui;

import java.util.List;

/**
 * Every key of the annotation workspace, grouped: the one list the {@code ?} overlay of the text
 * shows and the user guide's keymap table mirrors ({@code KeymapTest} holds the two together).
 * A key changes here first; the code that handles it lives in the frontend text component
 * (frontend/components/source-text/keyboard-controller.ts, find-controller.ts) and the editor.
 */
public final class Keymap {

    /** One key (or chord) in one place, and what it does there. */
    public record Key(String keys, String where, String does) {}

    /** Keys that belong together, under a title. */
    public record Group(String title, List<Key> keys) {}

    /** The workspace keymap, in the order the overlay and the guide show it. */
    public static final List<Group> GROUPS = List.of(
            new Group("Reach the text", List.of(
                    new Key("Alt+T", "anywhere in the workspace", "focus the text at its caret"),
                    new Key("Tab (first stop)", "anywhere in the workspace",
                            "a \"Skip to text\" link: Enter focuses the text"))),
            new Group("Caret and selection", List.of(
                    new Key("← → ↑ ↓", "text", "move the caret by character / line"),
                    new Key("Ctrl+← → (Alt+← → on macOS)", "text", "move the caret by word"),
                    new Key("Home / End (Ctrl+Home / Ctrl+End)", "text", "caret to the start / end of the line (of the text)"),
                    new Key("Shift + any caret move", "text", "extend the selection from the caret"),
                    new Key("Ctrl+A", "text", "select the whole text"),
                    new Key("label hotkey (1 2 3 …, on the label buttons)", "text", "tag the selection with that label"),
                    new Key("Esc", "text", "clear the selection"))),
            new Group("Annotations", List.of(
                    new Key("] / [", "text", "select the next / previous annotation (scroll, flash, show in the editor)"),
                    new Key("Enter", "text",
                            "open the selected annotation (or the one at the caret) in the editor, focus there"),
                    new Key("Delete / Backspace", "text, annotation selected",
                            "delete it at once, with an undo notification"))),
            new Group("Relations", List.of(
                    new Key("L", "text, annotation selected", "start a relation from it (link mode)"),
                    new Key("] / [", "text, link mode", "move to the other annotation (a dashed arc shows the link)"),
                    new Key("Enter (or a click on the other annotation)", "text, link mode",
                            "link them: choose the relation type among those that fit, Enter picks"),
                    new Key("Esc", "text, link mode", "cancel the link"))),
            new Group("Find", List.of(
                    new Key("Ctrl+F (⌘F on macOS)", "workspace", "find in the text: every hit is highlighted"),
                    new Key("Enter / Shift+Enter", "find bar", "next / previous hit"),
                    new Key("Alt + label hotkey", "find bar", "turn the current hit into a span with that label"),
                    new Key("Esc", "find bar", "close the find bar; the current hit stays selected in the text"))),
            new Group("Editor", List.of(
                    new Key("Ctrl+Enter", "editor", "save"),
                    new Key("Esc", "editor", "cancel (asks first if there are unsaved changes), back to the text"))),
            new Group("Suggestions", List.of(
                    new Key("↓ / ↑", "suggestions panel", "focus the next / previous suggested passage"),
                    new Key("S / C / Q", "suggestions panel, passage focused",
                            "link the passage to the annotation's claim as supports / contradicts / qualifies"))),
            new Group("Undo", List.of(
                    new Key("Ctrl+Z / Ctrl+Shift+Z (also Ctrl+Y)", "workspace, not inside a text field",
                            "undo / redo your own last action in this source"))),
            new Group("Search", List.of(
                    new Key("Ctrl+K (⌘K on macOS)", "anywhere, on every page",
                            "quick search: the top hits as you type; Enter opens the search page, Esc closes"))),
            new Group("Help", List.of(
                    new Key("?", "text", "this list of keys"))));

    private Keymap() {
    }

    /** The keymap as the Markdown table the user guide carries: one row per key, the group first. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| Group | Key | Where | Does |\n|---|---|---|---|\n");
        for (Group group : GROUPS) {
            for (Key key : group.keys()) {
                table.append("| ").append(group.title()).append(" | ").append(key.keys().replace("|", "\\|"))
                        .append(" | ").append(key.where()).append(" | ").append(key.does()).append(" |\n");
            }
        }
        return table.toString();
    }
}
