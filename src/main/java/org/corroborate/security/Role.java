package org.corroborate.security;

/** What an account may do. An account holds one or more roles; they do not imply each other. */
public enum Role {
    /** Annotates sources, assesses colleagues' annotations, submits. */
    REVIEWER,
    /** Assigns work, reads agreement and the audit trail, adjudicates. */
    SUPERVISOR,
    /** Manages accounts, imports sources, configures the label scheme. */
    ADMIN
}
