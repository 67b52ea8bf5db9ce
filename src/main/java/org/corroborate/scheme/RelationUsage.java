package org.corroborate.scheme;

import java.util.Map;

/**
 * What the feature that keeps relations between annotations has of each relation type of a project's
 * scheme: asked by {@link SchemeService} before a change removes a relation type, which is refused
 * while relations of it exist (like a label in use). Implementations are Spring beans.
 */
public interface RelationUsage {

    /** What is counted, in the plural, such as "relations". */
    String what();

    /** How many of the project's relations are of each type (types with none left out). */
    Map<String, Long> relationUses(long projectId);
}
