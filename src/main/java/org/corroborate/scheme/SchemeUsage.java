package org.corroborate.scheme;

import java.util.Map;

/**
 * What the features above the scheme keep under a project's labels: annotations (in {@code
 * annotation}) and gold spans (in {@code review}). The scheme asks them how much a change would
 * orphan and has them follow a change; each implementation is a Spring bean, and {@link
 * SchemeService} gets them all. Implementations write through their own entities, so every moved
 * span has its entity history (with the reason), and run inside the scheme change's transaction.
 */
public interface SchemeUsage {

    /** What the implementation counts, in the plural, such as "annotations" or "gold spans". */
    String what();

    /** How many of the project's spans carry each label (labels with none left out). */
    Map<String, Long> labelUses(long projectId);

    /**
     * Per label and attribute, how many of the project's spans with that label hold each value
     * ({@code label -> attribute -> value -> count}; attributes without a value left out): what a
     * change that removes an attribute, or narrows its type, would leave behind.
     */
    Map<String, Map<String, Map<String, Long>>> attributeValueUses(long projectId);

    /**
     * Moves the project's spans as the migration says, recording {@code schemeVersion} as the version
     * they were saved under where the implementation keeps one; {@code reason} goes into their entity
     * history. Returns how many spans changed.
     */
    long migrate(long projectId, SchemeMigration migration, int schemeVersion, String reason);
}
