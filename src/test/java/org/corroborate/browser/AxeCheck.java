package org.corroborate.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * axe-core (the npm package, a dev dependency in package.json) run inside a Playwright page: every
 * serious or critical violation on what the page shows fails the test, listed with its rule, help
 * and the first elements it found. Known exceptions inside Vaadin's own components are listed in
 * {@link #VAADIN_INTERNALS}, each with why it is not ours to fix; nothing of ours is excepted.
 */
final class AxeCheck {

    /** Where npm puts axe-core; the Vaadin build runs {@code npm install}, so it is there before any test. */
    static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

    /**
     * Rule id to the element it is excused on, and why. {@code vaadin-tabs}' shadow root wraps its tabs
     * in a scroll container {@code <div part="tabs" tabindex="-1">}; axe reads it as a focusable child
     * of the tablist that is not a tab, though it is out of the tab order and the tabs inside are
     * proper {@code role="tab"} elements (the TabSheet of the workspace's side panel).
     */
    static final Map<String, String> VAADIN_INTERNALS = Map.of("aria-required-children", "vaadin-tabs");

    private static String axeSource;

    private AxeCheck() {}

    /** The serious and critical violations on the page as it is now, each as one readable line per element. */
    static List<String> seriousViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {resultTypes: ['violations']});
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                targets: v.nodes.map(n => n.target.join(' ')),
                                summaries: v.nodes.map(n => (n.failureSummary || '').replace(/\\s+/g, ' '))}));
                }""");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> violation : violations) {
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) violation.get("targets");
            @SuppressWarnings("unchecked")
            List<String> summaries = (List<String>) violation.get("summaries");
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i).equals(VAADIN_INTERNALS.get(violation.get("id")))) {
                    continue;
                }
                found.add(violation.get("impact") + " " + violation.get("id") + " (" + violation.get("help") + ") at "
                        + targets.get(i) + ": " + summaries.get(i));
            }
        }
        return found;
    }

    /** Fails, listing them, when the page has a serious or critical violation. */
    static void assertNone(Page page, String screen) {
        List<String> found = seriousViolations(page);
        if (!found.isEmpty()) {
            throw new AssertionError("axe-core found " + found.size() + " serious or critical violation(s) on "
                    + screen + ":\n" + found.stream().collect(Collectors.joining("\n")));
        }
    }

    private static synchronized String source() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException("No axe-core at " + AXE.toAbsolutePath()
                        + ": run the Vaadin build (npm install) first", e);
            }
        }
        return axeSource;
    }
}
