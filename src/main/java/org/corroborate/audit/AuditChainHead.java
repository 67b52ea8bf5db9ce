package org.corroborate.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The chain's head: the sequence number of the last event. One row, locked by every writer. */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(nullable = false)
    private long seq;

    protected AuditChainHead() {}

    long getSeq() { return seq; }
}
