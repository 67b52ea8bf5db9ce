package org.corroborate.scheme;

import java.util.List;
import java.util.Map;

/**
 * What a proposed scheme change would do, before it is made.
 *
 * @param basedOn the version in force, which the change would follow
 * @param diff what it changes
 * @param problems why it would be refused as invalid (empty: it is valid)
 * @param inUse what it removes while spans use it, such as {@code "label CLAIM"} or {@code
 *        "attribute QUOTE.speaker"}, with the count per kind of span; empty when nothing in use goes
 * @param misfits values spans hold that a changed attribute's new type or allowed values refuse, such
 *        as {@code "attribute QUOTE.verified, value 'maybe'"}, with the count per kind of span; such a
 *        change is refused until those values are changed
 */
public record SchemeChangePreview(int basedOn, SchemeDiff diff, List<String> problems,
                                  Map<String, Map<String, Long>> inUse, Map<String, Map<String, Long>> misfits) {

    /** Whether saving it would be refused. */
    public boolean refused() {
        return !problems.isEmpty() || !inUse.isEmpty() || !misfits.isEmpty();
    }
}
