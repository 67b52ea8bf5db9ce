package org.corroborate.review;

/** A reviewer's verdict on a colleague's annotation. */
public enum Verdict { AGREE, DISAGREE, UNSURE }
