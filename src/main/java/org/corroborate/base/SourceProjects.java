package org.corroborate.base;

import java.util.Optional;

/**
 * Which project a source belongs to, for features below the source library that must scope by
 * project without depending on it (the audit trail names each event's project). A source never
 * changes project, so answers may be cached.
 */
public interface SourceProjects {

    /** The project of the source with that id; empty if there is no such source. */
    Optional<Long> projectOf(long sourceId);
}
