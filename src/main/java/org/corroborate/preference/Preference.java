package org.corroborate.preference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A value one person chose for one preference (a preference never chosen has no row). */
@Entity
@Table(name = "preference")
class Preference {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "preference_value", nullable = false)
    private String value;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected Preference() {}

    Preference(String username, String name, String value, Instant changedAt) {
        this.username = username;
        this.name = name;
        this.value = value;
        this.changedAt = changedAt;
    }

    String getUsername() { return username; }
    String getName() { return name; }
    String getValue() { return value; }

    void change(String value, Instant at) {
        this.value = value;
        this.changedAt = at;
    }
}
