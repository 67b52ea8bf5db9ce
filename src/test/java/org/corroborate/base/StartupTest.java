package org.corroborate.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corroborate.WorkbenchApplication;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.corroborate.testing.TestProjects;
import org.corroborate.scheme.InvalidSchemeException;
import org.corroborate.security.AccountService;
import org.corroborate.security.FirstAdministratorException;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/** How the application starts on an empty or existing database, in and out of demo mode. */
class StartupTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... properties) {
        // Command-line arguments, so that they win over application.properties as they do for users.
        String[] args = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--server.port=0", "--workbench.data-dir=" + dataDir,
                        "--spring.main.banner-mode=off"),
                java.util.Arrays.stream(properties).map(p -> "--" + p)).toArray(String[]::new);
        return new SpringApplicationBuilder(WorkbenchApplication.class).run(args);
    }

    @Test
    void refusesToStartOnAnEmptyDatabaseWithoutAnAdminPassword() {
        assertThatThrownBy(() -> start("workbench.demo=false"))
                .extracting(NestedExceptionUtils::getMostSpecificCause)
                .isInstanceOf(FirstAdministratorException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("no administrator password is configured");
    }

    @Test
    void refusesAGuessableFirstAdministratorPassword() {
        assertThatThrownBy(() -> start("workbench.demo=false", "workbench.admin.password=12345678"))
                .extracting(NestedExceptionUtils::getMostSpecificCause)
                .isInstanceOf(FirstAdministratorException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("too easy to guess");
    }

    @Test
    void createsTheFirstAdministratorFromConfiguration() {
        try (var context = start("workbench.demo=false", "workbench.admin.password=s3cret-enough")) {
            var admins = context.getBean(CurrentActor.class).runAs("test", Role.ADMIN, () -> context.getBean(AccountService.class).list());
            assertThat(admins).singleElement().satisfies(a -> assertThat(a.username()).isEqualTo("admin"));
            var sources = context.getBean(CurrentActor.class).runAs("test", Role.ADMIN, () -> context.getBean(SourceService.class).list());
            assertThat(sources).isEmpty();
        }
    }

    @Test
    void loadsTheDemoAccountsAndCorpusOnceIntoAnEmptyDatabase() {
        try (var context = start("workbench.demo=true")) {
            assertDemoWorkspace(context);
        }
        try (var context = start("workbench.demo=true")) {
            assertDemoWorkspace(context);
        }
    }

    @Test
    void refusesToStartWithAnInvalidLabelScheme(@TempDir Path annotations) throws Exception {
        Files.writeString(annotations.resolve("scheme.json"), """
                {"name": "broken", "version": "one", "labels": [
                  {"name": "fact", "title": "Fact", "color": "green", "hotkey": "1", "attributes": []},
                  {"name": "QUOTE", "title": "Quote", "color": "#1565c0", "hotkey": "1", "attributes": []}]}
                """);
        assertThatThrownBy(() -> start("workbench.demo=true", "workbench.annotations-dir=" + annotations))
                .extracting(NestedExceptionUtils::getMostSpecificCause)
                .isInstanceOf(InvalidSchemeException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("'version' must look like 1.0.0")
                .contains("'color' must be #rrggbb")
                .contains("hotkey '1' is used by another label");
    }

    private static void assertDemoWorkspace(ConfigurableApplicationContext context) {
        CurrentActor actor = context.getBean(CurrentActor.class);
        var accounts = actor.runAs("test", Role.ADMIN, () -> context.getBean(AccountService.class).list());
        assertThat(accounts).extracting(a -> a.username())
                .containsExactlyInAnyOrderElementsOf(List.of("admin", "alice", "bob", "carol", "sam"));
        // Roles: ADMIN is the only workbench-wide one; reviewing and supervising are held in the projects.
        assertThat(accounts).allSatisfy(a -> assertThat(a.roles())
                .isEqualTo(a.username().equals("admin") ? java.util.Set.of(Role.ADMIN) : java.util.Set.of()));
        ProjectService projects = context.getBean(ProjectService.class);
        var both = actor.runAs("test", Role.ADMIN, projects::list);
        assertThat(both).extracting(ProjectDetails::name).containsExactly(TestProjects.MAIN_NAME, TestProjects.SECOND_NAME);
        long main = both.getFirst().id();
        long second = both.getLast().id();
        assertThat(actor.runAs("test", Role.ADMIN, () -> projects.members(main)).stream()
                .map(m -> m.username() + ":" + m.roles()).toList())
                .containsExactly("alice:[REVIEWER]", "bob:[REVIEWER]", "carol:[REVIEWER]", "sam:[SUPERVISOR]");
        assertThat(actor.runAs("test", Role.ADMIN, () -> projects.members(second)).stream()
                .map(m -> m.username() + ":" + m.roles()).toList())
                .containsExactly("carol:[REVIEWER, SUPERVISOR]");
        SourceService library = context.getBean(SourceService.class);
        var sources = actor.runAs("test", Role.ADMIN, () -> library.list(main));
        assertThat(sources).hasSize(4).allSatisfy(s -> {
            assertThat(s.importedBy()).isEqualTo("admin");
            assertThat(s.publisher()).isNotBlank();
            assertThat(s.published()).isNotNull();
        });
        assertThat(actor.runAs("test", Role.ADMIN, () -> library.list(second))).hasSize(1);
        // Isolation on first run: alice sees the inquiry's sources only, carol both projects'.
        assertThat(actor.runAs("alice", Role.REVIEWER, () -> library.list())).hasSize(4);
        assertThat(actor.runAs("carol", Role.REVIEWER, () -> library.list())).hasSize(5);
    }
}
