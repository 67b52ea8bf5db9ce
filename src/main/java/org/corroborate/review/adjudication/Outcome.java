package org.corroborate.review.adjudication;

/** What a supervisor decided about a unit: one version (possibly edited or merged) goes into gold, or none does. */
public enum Outcome { ACCEPTED, REJECTED }
