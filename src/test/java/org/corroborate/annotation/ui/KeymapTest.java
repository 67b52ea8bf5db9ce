package org.corroborate.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workspace's one keymap: complete, and the user guide shows exactly it. */
class KeymapTest {

    @Test
    void theUserGuideCarriesTheKeymapTableAsKeymapRendersIt() throws IOException {
        String guide = Files.readString(Path.of("docs/user-guide.md"));
        assertThat(guide).contains("### Keyboard shortcuts");
        String section = guide.substring(guide.indexOf("### Keyboard shortcuts"));
        String table = section.substring(section.indexOf("| Group | Key |"));
        table = table.substring(0, table.indexOf("\n\n") + 1);
        assertThat(table).isEqualTo(Keymap.markdownTable());
    }

    @Test
    void listsEveryKeyOfTheWorkspaceContract() {
        List<String> keys = Keymap.GROUPS.stream().flatMap(g -> g.keys().stream()).map(Keymap.Key::keys).toList();
        assertThat(keys).contains("Alt+T", "← → ↑ ↓", "Shift + any caret move", "] / [", "Enter", "?",
                "Ctrl+Enter", "Delete / Backspace", "Ctrl+Z / Ctrl+Shift+Z (also Ctrl+Y)", "L");
        assertThat(keys).anyMatch(k -> k.startsWith("Ctrl+← →") && k.contains("Alt"));
        assertThat(keys).anyMatch(k -> k.startsWith("Home / End"));
        assertThat(keys).anyMatch(k -> k.startsWith("Ctrl+F"));
        assertThat(keys).anyMatch(k -> k.startsWith("label hotkey"));
        assertThat(Keymap.GROUPS.stream().flatMap(g -> g.keys().stream()))
                .filteredOn(k -> k.keys().equals("Esc")).extracting(Keymap.Key::where)
                .containsExactlyInAnyOrder("text", "text, link mode", "find bar", "editor");
    }

    @Test
    void everyKeySaysWhereItWorksAndWhatItDoes() {
        assertThat(Keymap.GROUPS).allSatisfy(group -> {
            assertThat(group.title()).isNotBlank();
            assertThat(group.keys()).isNotEmpty().allSatisfy(key -> {
                assertThat(key.where()).isNotBlank();
                assertThat(key.does()).isNotBlank();
            });
        });
    }
}
