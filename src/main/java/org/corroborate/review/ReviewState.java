package org.corroborate.review;

/** Where one reviewer stands with one source. */
public enum ReviewState { NOT_STARTED, IN_PROGRESS, SUBMITTED }
