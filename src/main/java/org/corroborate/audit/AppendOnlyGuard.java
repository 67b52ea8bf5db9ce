package org.corroborate.audit;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks that the database still refuses to change or remove audit events: the append-only
 * triggers of the vendor migrations V6 must exist, be enabled and still raise. Someone with
 * database rights can drop them, and Flyway never re-runs an applied migration, so without this
 * check a dropped guard would stay dropped in silence. It is checked at start-up (an ERROR in the
 * log) and on every verification (a warning in its result and on the audit page). It is not
 * re-installed automatically: that would hide the tampering; docs/operations.md says how to.
 */
@Component
public class AppendOnlyGuard {

    /** The warning shown wherever the guard is found missing. */
    public static final String MISSING = "append-only guard missing";

    private static final Logger log = LoggerFactory.getLogger(AppendOnlyGuard.class);
    private static final int DELETE = 8;
    private static final int UPDATE = 16;
    private static final int TRUNCATE = 32;

    private final JdbcTemplate jdbc;

    AppendOnlyGuard(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** What the database no longer guards, as sentences; empty when the guard is complete. */
    public List<String> problems() {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase().contains("postgres") ? postgres() : h2();
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartUp() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            log.error("Audit trail: {}: {}. Audit events can be changed or deleted without the database refusing. "
                    + "See docs/operations.md, 'Append-only guard', to re-install it after investigating.",
                    MISSING, String.join("; ", problems));
        }
    }

    private List<String> h2() {
        List<String> events = jdbc.queryForList("select event_manipulation from information_schema.triggers "
                + "where upper(event_object_table) = 'AUDIT_EVENT' and action_timing = 'BEFORE' and java_class = ?",
                String.class, AppendOnlyTrigger.class.getName());
        List<String> problems = new ArrayList<>();
        for (String event : List.of("UPDATE", "DELETE")) {
            if (!events.contains(event)) {
                problems.add("no trigger refuses " + event + " on audit_event");
            }
        }
        return problems;
    }

    private List<String> postgres() {
        List<Integer> types = jdbc.queryForList("select t.tgtype from pg_trigger t join pg_proc p on p.oid = t.tgfoid "
                + "where t.tgrelid = to_regclass('audit_event') and not t.tgisinternal and t.tgenabled <> 'D' "
                + "and p.proname = 'audit_event_append_only' and p.prosrc ilike '%raise exception%'", Integer.class);
        int covered = types.stream().reduce(0, (a, b) -> a | b);
        List<String> problems = new ArrayList<>();
        if ((covered & UPDATE) == 0) {
            problems.add("no enabled trigger refuses UPDATE on audit_event");
        }
        if ((covered & DELETE) == 0) {
            problems.add("no enabled trigger refuses DELETE on audit_event");
        }
        if ((covered & TRUNCATE) == 0) {
            problems.add("no enabled trigger refuses TRUNCATE on audit_event");
        }
        return problems;
    }
}
