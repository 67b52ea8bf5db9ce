package org.corroborate.claim;

/** What a member of a claim says of its statement: it supports it, contradicts it, or qualifies it. */
public enum Stance {
    SUPPORTS,
    CONTRADICTS,
    QUALIFIES
}
