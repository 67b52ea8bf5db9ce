package org.corroborate.review.adjudication;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.corroborate.base.Provenance;
import org.corroborate.base.StringMapConverter;
import org.hibernate.envers.Audited;

/**
 * A supervisor's adjudication of one unit of competing annotations, with a reason: the gold span
 * it puts into the gold layer (when accepted), and the annotations it was based on.
 */
@Entity
@Table(name = "decision")
@Audited
class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "gold_start")
    private Integer goldStart;

    @Column(name = "gold_end")
    private Integer goldEnd;

    @Column(name = "gold_label")
    private String goldLabel;

    @Convert(converter = StringMapConverter.class)
    @Column(name = "gold_attributes")
    private Map<String, String> goldAttributes;

    @Column(name = "gold_note")
    private String goldNote;

    @Column(name = "gold_text")
    private String goldText;

    @Column(nullable = false)
    private String reason;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "decision_annotation", joinColumns = @JoinColumn(name = "decision_id"))
    @Column(name = "annotation_id", nullable = false)
    private Set<Long> basedOn = new TreeSet<>();

    /** Who imported it, when, from which file; null for work done in this workbench. */
    @jakarta.persistence.Embedded
    private Provenance imported;

    @Version
    private long version;

    protected Decision() {}

    Decision(Long sourceId) {
        this.sourceId = sourceId;
    }

    void decide(Outcome outcome, GoldSpan gold, Set<Long> basedOn, String reason, String decidedBy, Instant at) {
        this.outcome = outcome;
        this.goldStart = gold == null ? null : gold.start();
        this.goldEnd = gold == null ? null : gold.end();
        this.goldLabel = gold == null ? null : gold.label();
        this.goldAttributes = gold == null ? null : new TreeMap<>(gold.attributes());
        this.goldNote = gold == null ? null : gold.note();
        this.goldText = gold == null ? null : gold.text();
        this.basedOn.clear();
        this.basedOn.addAll(basedOn);
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = at;
    }

    /** Marks this as imported work: who imported it, when, from which file. */
    void imported(Provenance provenance) {
        this.imported = provenance;
    }

    /** Where it was imported from; null for work done in this workbench. */
    Provenance provenance() {
        return imported;
    }

    /** Someone's own work in this workbench replaces what was imported: it is no longer imported. */
    void becomeLive() {
        this.imported = null;
    }

    /**
     * Follows a change of the project's scheme: the gold span's label and values as renamed or
     * mapped; who decided, when and why stay as they were.
     */
    void relabel(String label, Map<String, String> attributes) {
        this.goldLabel = label;
        this.goldAttributes = new TreeMap<>(attributes);
    }

    String goldLabel() { return goldLabel; }
    Map<String, String> goldAttributes() { return goldAttributes == null ? Map.of() : Map.copyOf(goldAttributes); }
    Long getSourceId() { return sourceId; }
    Long getId() { return id; }
    long getVersion() { return version; }

    DecisionDetails toDetails() {
        GoldSpan gold = outcome == Outcome.ACCEPTED ? new GoldSpan(goldStart, goldEnd, goldLabel,
                goldAttributes == null ? Map.of() : Map.copyOf(goldAttributes), goldNote, goldText) : null;
        return new DecisionDetails(id, sourceId, outcome, gold, Set.copyOf(basedOn), reason, decidedBy, decidedAt,
                version, provenance());
    }
}
