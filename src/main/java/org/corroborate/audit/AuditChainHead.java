package org.corroborate.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last link of the chain: its sequence number and hash. One row, locked by every writer. */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false)
    private String hash;

    protected AuditChainHead() {}

    long getSeq() { return seq; }
    String getHash() { return hash; }

    void advance(long seq, String hash) {
        this.seq = seq;
        this.hash = hash;
    }
}
