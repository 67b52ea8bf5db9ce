package org.corroborate.preference;

import java.util.List;

/**
 * One per-person preference a feature declares (a Spring bean): its name, the values it may take and
 * what it means. {@link PreferenceService} accepts only declared names and values, so adding a
 * preference is one bean and touches nothing else.
 */
public interface PreferenceDefinition {

    /** The name in the API and the database, dotted by feature: {@code workspace.layer}. */
    String name();

    /** Every value the preference may take, exactly as written (case matters). */
    List<String> values();

    /** What the preference chooses, in one sentence, for the API documentation and error messages. */
    String description();
}
