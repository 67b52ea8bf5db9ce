package org.corroborate.annotation;

/**
 * What annotation needs to know of a reviewer's progress, implemented by the review feature:
 * blind mode hides colleagues' spans until a reviewer has submitted, and a first edit starts the work.
 */
public interface ReviewProgress {

    boolean hasSubmitted(long sourceId, String reviewer);

    /** Called inside the writing transaction whenever a reviewer changes an annotation of a source. */
    void worked(long sourceId, String reviewer);
}
