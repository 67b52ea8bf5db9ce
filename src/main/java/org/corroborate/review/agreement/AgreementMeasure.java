package org.corroborate.review.agreement;

/**
 * One agreement measure. Each is one class behind this interface, collected by Spring, so adding a
 * measure touches nothing else.
 */
public interface AgreementMeasure {

    /** A stable id, used in the API. */
    String id();

    MeasureResult measure(AgreementStudy study);
}
