package org.corroborate.audit;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks that the database still refuses to change or remove audit events: the append-only
 * triggers of the vendor migrations V6 must exist, be enabled and still raise. Someone with
 * database rights can drop them, and Flyway never re-runs an applied migration, so without this
 * check a dropped guard would stay dropped in silence. It also checks that the workbench's own
 * database role could not lift the guard (PostgreSQL: not a superuser, not the owner of the table,
 * its schema or the trigger function, no right to change or remove events). {@link GuardCheck}
 * acts on what it finds at start-up and on every scheduled verification; every verification
 * carries it as a warning. It is not re-installed automatically: that would hide the tampering;
 * docs/operations.md says how to.
 */
@Component
public class AppendOnlyGuard {

    /** The warning shown wherever the guard is found missing. */
    public static final String MISSING = "append-only guard missing";

    private static final int DELETE = 8;
    private static final int UPDATE = 16;
    private static final int TRUNCATE = 32;

    private final JdbcTemplate jdbc;

    AppendOnlyGuard(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** What the database no longer guards, as sentences; empty when the guard is complete. */
    public List<String> problems() {
        return postgres() ? postgresTriggers() : h2();
    }

    /**
     * What the workbench's own database role could do to the guard, as sentences; empty when it can
     * neither lift the guard nor change events. On H2 always empty: an embedded database has one
     * user, who owns everything; there the guard protects against mistakes, the file system's rights
     * against people.
     */
    public List<String> roleProblems() {
        if (!postgres()) {
            return List.of();
        }
        return jdbc.query("select current_user as role, r.rolsuper, "
                + "pg_has_role(current_user, c.relowner, 'USAGE') as owns_table, "
                + "pg_has_role(current_user, n.nspowner, 'USAGE') as owns_schema, "
                + "exists (select 1 from pg_proc p where p.proname = 'audit_event_append_only' "
                + "  and pg_has_role(current_user, p.proowner, 'USAGE')) as owns_function, "
                + "has_table_privilege(c.oid, 'UPDATE') as may_update, has_table_privilege(c.oid, 'DELETE') as may_delete, "
                + "has_table_privilege(c.oid, 'TRUNCATE') as may_truncate "
                + "from pg_roles r, pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where r.rolname = current_user and c.oid = to_regclass('audit_event')", (row, n) -> {
                    String role = "the workbench's database role '" + row.getString("role") + "'";
                    List<String> problems = new ArrayList<>();
                    if (row.getBoolean("rolsuper")) {
                        problems.add(role + " is a superuser");
                    } else {
                        if (row.getBoolean("owns_table")) {
                            problems.add(role + " owns audit_event (it may disable or drop its triggers)");
                        }
                        if (row.getBoolean("owns_schema")) {
                            problems.add(role + " owns the schema of audit_event (it may drop the table)");
                        }
                        if (row.getBoolean("owns_function")) {
                            problems.add(role + " owns the function audit_event_append_only (it may empty it)");
                        }
                    }
                    boolean owner = row.getBoolean("rolsuper") || row.getBoolean("owns_table");
                    for (String right : List.of("update", "delete", "truncate")) {
                        if (row.getBoolean("may_" + right) && !owner) { // an owner's rights go without saying
                            problems.add(role + " may " + right.toUpperCase() + " audit_event");
                        }
                    }
                    return problems;
                }).stream().findFirst().orElse(List.of());
    }

    /** Everything {@link #problems()} and {@link #roleProblems()} find. */
    public List<String> allProblems() {
        List<String> all = new ArrayList<>(problems());
        all.addAll(roleProblems());
        return all;
    }

    private boolean postgres() {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase().contains("postgres");
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

    private List<String> postgresTriggers() {
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
