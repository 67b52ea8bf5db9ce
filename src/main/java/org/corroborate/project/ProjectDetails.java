package org.corroborate.project;

import java.time.Instant;

/**
 * A project as the API and the views show it; {@code version} is the optimistic lock to send back on
 * update; {@code assignmentsRequired}: reviewers work only on the sources assigned to them.
 */
public record ProjectDetails(Long id, String name, String description, String createdBy, Instant createdAt,
                             long version, boolean assignmentsRequired) {}
