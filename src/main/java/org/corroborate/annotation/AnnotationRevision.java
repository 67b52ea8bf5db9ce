package org.corroborate.annotation;

import java.time.Instant;

/** One state of an annotation in its history: the revision, when, who, why, what happened, and the state then. */
public record AnnotationRevision(long revision, Instant at, String actor, String reason, String change,
                                 AnnotationDetails state) {}
