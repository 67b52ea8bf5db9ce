package org.corroborate.scheme;

import java.time.Instant;

/**
 * One version of a project's scheme as the rest of the application and the API see it.
 *
 * @param project the project's id
 * @param number the version's number in the project, from 1; annotations record it as {@code schemeVersion}
 * @param scheme the scheme as it was in this version
 * @param diff what it changed against the version before (empty for version 1)
 * @param summary the diff in words, with what the change migrated
 * @param reason why, as the person who changed it said; null if they did not
 * @param createdBy who made the version ({@code system} for the first of a project that existed before)
 * @param createdAt when
 */
public record SchemeVersionDetails(long project, int number, LabelScheme scheme, SchemeDiff diff, String summary,
                                   String reason, String createdBy, Instant createdAt) {}
