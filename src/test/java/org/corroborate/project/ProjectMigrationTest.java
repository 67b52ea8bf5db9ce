package org.corroborate.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.corroborate.TestPostgres;
import org.corroborate.WorkbenchApplication;
import org.corroborate.audit.AuditChain;
import org.corroborate.audit.AuditEventView;
import org.corroborate.audit.AuditFilter;
import org.corroborate.audit.AuditService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.source.SourceService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A workbench from before projects (schema V13.1) with accounts, sources, annotations, a verdict, a
 * decision, an assignment and a chained audit log, upgraded by V14: everything lands in the default
 * project, reviewers and supervisors become its members with the roles they held, the old audit
 * chain still verifies, and events written after the upgrade name their project.
 */
class ProjectMigrationTest {

    @TempDir
    Path dataDir;

    @Test
    void anH2DatabaseWithDataMovesIntoTheDefaultProject() {
        String url = "jdbc:h2:file:" + dataDir.resolve("workbench") + ";DB_CLOSE_ON_EXIT=FALSE";
        DriverManagerDataSource data = new DriverManagerDataSource(url, "sa", "");
        before(data, "classpath:db/vendor/h2");
        try (var context = start("--workbench.data-dir=" + dataDir)) {
            after(context);
        }
    }

    @Test
    @Tag("postgres")
    void aPostgresDatabaseWithDataMovesIntoTheDefaultProject() throws Exception {
        TestPostgres.connect().close();
        TestPostgres.resetSchema();
        DriverManagerDataSource data = new DriverManagerDataSource(TestPostgres.URL, TestPostgres.USER,
                TestPostgres.PASSWORD);
        before(data, "classpath:db/vendor/postgresql");
        List<String> args = new ArrayList<>(List.of(TestPostgres.datasourceArguments()));
        args.add("--workbench.data-dir=" + dataDir);
        try (var context = start(args.toArray(String[]::new))) {
            after(context);
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--workbench.demo=false",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(arguments));
        return new SpringApplicationBuilder(WorkbenchApplication.class).run(args.toArray(String[]::new));
    }

    /** The schema as it was before projects, and a little of everything in it. */
    private static void before(DataSource data, String vendor) {
        Flyway.configure().dataSource(data).locations("classpath:db/migration", vendor)
                .placeholders(java.util.Map.of("runtime_role", "")) // afterMigrate.sql: one role here, no grants
                .target("13.1").load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        String account = "insert into account (id, username, display_name, password_hash, enabled, created_at, "
                + "version) values (?, ?, ?, '{noop}" + UUID.randomUUID() + "', true, current_timestamp, 0)";
        jdbc.update(account, 101, "admin", "Old Admin");
        jdbc.update(account, 102, "alice", "Old Alice");
        jdbc.update(account, 103, "sam", "Old Sam");
        jdbc.update(account, 104, "dora", "Old Dora");
        String role = "insert into account_role (account_id, role) values (?, ?)";
        jdbc.update(role, 101, "ADMIN");
        jdbc.update(role, 102, "REVIEWER");
        jdbc.update(role, 103, "SUPERVISOR");
        jdbc.update(role, 104, "REVIEWER");
        jdbc.update(role, 104, "SUPERVISOR");
        jdbc.update("insert into source (id, title, imported_by, imported_at, sha256, length_code_points, "
                + "text_content, version) values (101, 'Old memo', 'admin', current_timestamp, 'x', 23, "
                + "'The plant closed in May', 0)");
        String annotation = "insert into annotation (id, source_id, start_offset, end_offset, label, attributes, "
                + "author, created_at, modified_at, covered_text, context_before, context_after, version) values "
                + "(?, 101, 0, 9, 'FACT', '{}', ?, current_timestamp, current_timestamp, 'The plant', '', '', 0)";
        jdbc.update(annotation, 101, "alice");
        jdbc.update(annotation, 102, "dora");
        jdbc.update("insert into assessment (id, annotation_id, source_id, reviewer, verdict, created_at, "
                + "modified_at, version) values (110, 101, 101, 'dora', 'AGREE', current_timestamp, current_timestamp, 0)");
        jdbc.update("insert into decision (id, source_id, outcome, gold_start, gold_end, gold_label, gold_attributes, "
                + "gold_text, reason, decided_by, decided_at, version) values (120, 101, 'ACCEPTED', 0, 9, 'FACT', '{}', "
                + "'The plant', 'Both agree', 'sam', current_timestamp, 0)");
        jdbc.update("insert into decision_annotation (decision_id, annotation_id) values (120, 101), (120, 102)");
        jdbc.update("insert into assignment (id, source_id, reviewer, assigned_by, assigned_at) values "
                + "(130, 101, 'alice', 'sam', current_timestamp)");
        // A chained log as the workbench wrote it before projects: no event names a project.
        String previous = AuditChain.GENESIS;
        Object[][] events = {
                {"admin", "account.created", "Account", "104", null},
                {"admin", "source.imported", "Source", "101", 101L},
                {"alice", "annotation.created", "Annotation", "101", 101L},
                {"dora", "annotation.created", "Annotation", "102", 101L},
                {"dora", "assessment.recorded", "Assessment", "110", 101L},
                {"sam", "decision.made", "Decision", "120", 101L}};
        long seq = 0;
        for (Object[] e : events) {
            seq++;
            Instant at = Instant.parse("2026-01-05T10:00:00Z").plusSeconds(seq);
            var fields = new AuditChain.Fields(seq, at, (String) e[0], (String) e[1], (String) e[2], (String) e[3],
                    (Long) e[4], null, "{\"id\":" + e[3] + "}", null, "system");
            String hash = AuditChain.hash(previous, fields);
            jdbc.update("insert into audit_event (seq, prev_hash, hash, occurred_at, actor, action, entity_type, "
                    + "entity_id, source_id, after_state, origin) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq,
                    previous, hash, java.sql.Timestamp.from(at), e[0], e[1], e[2], e[3], e[4], fields.after(),
                    "system");
            previous = hash;
        }
        jdbc.update("update audit_chain_head set seq = ? where id = 1", seq);
    }

    /** What V14 and the upgraded workbench make of it. */
    private static void after(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        CurrentActor actor = context.getBean(CurrentActor.class);
        Long project = jdbc.queryForObject("select min(id) from project", Long.class);
        assertThat(jdbc.queryForList("select name from project", String.class)).containsExactly("Default project");
        assertThat(jdbc.queryForList("select distinct project_id from source", Long.class)).containsExactly(project);
        assertThat(jdbc.queryForList("select distinct project_id from annotation", Long.class)).containsExactly(project);
        assertThat(jdbc.queryForList("select username || ':' || role from project_member order by username, role",
                String.class)).containsExactly("alice:REVIEWER", "dora:REVIEWER", "dora:SUPERVISOR", "sam:SUPERVISOR");
        assertThat(jdbc.queryForList("select a.username || ':' || r.role from account a join account_role r "
                + "on r.account_id = a.id", String.class)).containsExactly("admin:ADMIN");

        ProjectService projects = context.getBean(ProjectService.class);
        assertThat(actor.runAs("sam", Role.SUPERVISOR, () -> projects.rolesIn(project))).isEqualTo(Set.of(Role.SUPERVISOR));
        assertThat(actor.runAs("alice", Role.REVIEWER, () -> projects.rolesIn(project))).isEqualTo(Set.of(Role.REVIEWER));
        // The old work is there, in the project, for its members.
        assertThat(actor.runAs("sam", Role.SUPERVISOR, () -> context.getBean(AssessmentService.class).of(101)))
                .singleElement().satisfies(a -> assertThat(a.reviewer()).isEqualTo("dora"));
        assertThat(actor.runAs("alice", Role.REVIEWER, () -> context.getBean(AdjudicationService.class).gold(101)))
                .singleElement().satisfies(d -> assertThat(d.basedOn()).containsExactlyInAnyOrder(101L, 102L));

        AuditService audit = context.getBean(AuditService.class);
        var verified = actor.runAs("admin", Role.ADMIN, audit::verify);
        assertThat(verified.valid()).as(verified.problem()).isTrue();
        assertThat(verified.events()).isGreaterThanOrEqualTo(6);

        // Written after the upgrade, an event names its project, and the chain still verifies.
        long source = actor.runAs("sam", Role.SUPERVISOR, () -> context.getBean(SourceService.class)
                .importText(project, "New memo", "The plant reopened in June.", null, null, null, null)).source().id();
        assertThat(jdbc.queryForList("select project_id from audit_event where action = 'source.imported' "
                + "and source_id = ?", Long.class, source)).containsExactly(project);
        var again = actor.runAs("admin", Role.ADMIN, audit::verify);
        assertThat(again.valid()).as(again.problem()).isTrue();

        // The old events, naming no project, are the default project's; the account event is the administrators'.
        List<String> samSees = actor.runAs("sam", Role.SUPERVISOR, () -> audit.search(AuditFilter.NONE, 0, 100))
                .stream().map(AuditEventView::action).toList();
        assertThat(samSees).contains("source.imported", "annotation.created", "assessment.recorded", "decision.made")
                .doesNotContain("account.created");
        List<String> aliceSees = actor.runAs("alice", Role.REVIEWER, () -> audit.search(AuditFilter.NONE, 0, 100))
                .stream().map(e -> e.actor() + " " + e.action()).toList();
        assertThat(aliceSees).containsExactly("alice annotation.created");
        assertThat(actor.runAs("admin", Role.ADMIN, () -> audit.search(AuditFilter.NONE, 0, 100)).stream()
                .map(AuditEventView::action)).contains("account.created");
    }
}
