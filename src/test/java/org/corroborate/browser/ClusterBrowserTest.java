package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.corroborate.annotation.AnnotationBroadcaster;
import org.corroborate.annotation.AnnotationChanged;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.cluster.ClusterBus;
import org.corroborate.project.ProjectMembership;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeProposal;
import org.corroborate.scheme.SchemeService;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountDetails;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.corroborate.testing.TestProjects;
import org.corroborate.testing.TwoNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL ({@link TwoNodes}), a browser on each: what one node commits
 * reaches the views open on the other (with the blind rule applied there), presence is shared, and an
 * account disabled or stripped of a role on one node is signed out of its pages on the other within 5 s.
 */
@Tag("postgres")
@Tag("browser")
class ClusterBrowserTest {

    private static final int A = 0;
    private static final int B = 1;
    private static TwoNodes nodes;
    private static Playwright playwright;
    private static Browser browser;

    private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        Path chromium = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium) && System.getenv("CI") == null) {
            Assumptions.abort("No Chromium at " + chromium);
        }
        nodes = new TwoNodes();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    @BeforeEach
    void bothNodesListen() {
        assertThat(nodes.bean(A, ClusterBus.class).listening()).isTrue();
        assertThat(nodes.bean(B, ClusterBus.class).listening()).isTrue();
    }

    @AfterEach
    void closeBrowsers() {
        contexts.forEach(BrowserContext::close);
    }

    @Test
    void anAnnotationCommittedOnOneNodeShowsLiveOnTheOtherAndPresenceIsShared() {
        long source = source("Cross-node memo", "The standpipe on Mill Lane ran dry at noon on Tuesday.");
        Page bob = signedIn(B, "bob");
        bob.navigate(url(B, "/sources/" + source));
        bob.locator("#layer vaadin-radio-button:has-text(\"Everyone's\") input").check();
        Page alice = signedIn(A, "alice");
        alice.navigate(url(A, "/sources/" + source));

        assertThat(alice.locator("#present")).hasAttribute("data-names", "alice,bob");
        assertThat(bob.locator("#present")).hasAttribute("data-names", "alice,bob");

        // Alice tags on node A with the keyboard; Bob's page on node B shows it without a reload.
        AnnotationBrowserTest.dragSelect(alice, "standpipe on Mill Lane");
        alice.locator("#source-text").press("2");
        AnnotationDetails created = await().atMost(Duration.ofSeconds(5)).until(
                () -> annotationsOf(A, "alice", source), list -> !list.isEmpty()).getFirst();
        assertThat(bob.locator("#source-text [data-ids~='" + created.id() + "']").first())
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(3_000));

        // And back: Bob's annotation, made through node B, appears on Alice's page on node A.
        AnnotationDetails bobs = as(B, "bob", () -> nodes.bean(B, AnnotationService.class).create(source,
                AnnotationRequest.create(4, 13, "FACT", Map.of(), null)));
        alice.locator("#layer vaadin-radio-button:has-text(\"Everyone's\") input").check();
        assertThat(alice.locator("#source-text [data-ids~='" + bobs.id() + "']").first())
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(3_000));

        // Alice closes her page: Bob's avatars drop her at once, not after the timeout.
        alice.navigate(url(A, "/"));
        assertThat(bob.locator("#present")).hasAttribute("data-names", "bob",
                new LocatorAssertions.HasAttributeOptions().setTimeout(5_000));
    }

    @Test
    void theOtherNodeAppliesTheBlindRuleToWhatArrives() {
        long source = source("Blind cross-node memo", "Residents queued at the bowser from six in the morning.");
        as(A, "sam", () -> nodes.bean(A, SourceService.class).setBlind(List.of(source), true));
        var received = new CopyOnWriteArrayList<AnnotationChanged>();
        var visibility = new CopyOnWriteArrayList<Boolean>();
        var subscription = as(B, "bob", () -> nodes.bean(B, AnnotationBroadcaster.class).subscribe(source, "bob",
                received::add, names -> { }, visibility::add));
        try {
            AnnotationDetails carols = as(A, "carol", () -> nodes.bean(A, AnnotationService.class).create(source,
                    AnnotationRequest.create(0, 9, "FACT", Map.of(), null)));
            AnnotationDetails bobs = as(A, "bob", () -> nodes.bean(A, AnnotationService.class).create(source,
                    AnnotationRequest.create(10, 16, "FACT", Map.of(), null)));
            await().atMost(Duration.ofSeconds(3)).until(() -> received.stream()
                    .anyMatch(c -> c.annotation() != null && c.annotation().id().equals(bobs.id())));
            assertThat(received).noneMatch(c -> c.annotation() != null && c.annotation().id().equals(carols.id()));

            // Blind mode lifted on node A: node B tells the open view it may see colleagues' work now.
            as(A, "sam", () -> nodes.bean(A, SourceService.class).setBlind(List.of(source), false));
            await().atMost(Duration.ofSeconds(3)).until(() -> visibility.contains(true));
            as(A, "carol", () -> {
                nodes.bean(A, AnnotationService.class).delete(carols.id(), carols.version(), null);
                return null;
            });
            await().atMost(Duration.ofSeconds(3)).until(() -> received.stream()
                    .anyMatch(c -> c.isDeletion() && c.deletedId().equals(carols.id())));
            assertThat(nodes.bean(B, AnnotationBroadcaster.class).pushLatency(true).count()).isPositive();
        } finally {
            subscription.close();
        }
    }

    @Test
    void aSchemeChangedOnOneNodeIsTheCurrentSchemeOnTheOtherAtOnce() {
        long project = 2; // the demo's "Newsroom training desk", which no other test here touches
        SchemeService atA = nodes.bean(A, SchemeService.class);
        SchemeService atB = nodes.bean(B, SchemeService.class);
        int before = as(B, "admin", () -> atB.currentNumber(project)); // node B now holds it in memory
        LabelScheme scheme = as(A, "admin", () -> atA.current(project));
        LabelScheme changed = new LabelScheme(scheme.name(), scheme.version(), "Changed on node A", scheme.labels(),
                scheme.relations());
        as(A, "admin", () -> atA.change(project, SchemeProposal.of(changed, before)));
        await().atMost(Duration.ofSeconds(3)).until(() -> as(B, "admin", () -> atB.currentNumber(project)) == before + 1);
        assertThat(as(B, "admin", () -> atB.current(project)).description()).isEqualTo("Changed on node A");
    }

    @Test
    void anAccountDisabledOnOneNodeIsSignedOutOfItsPagesOnTheOtherWithinFiveSeconds() {
        long source = source("Disable memo", "The council promised tankers by Friday evening.");
        Page carol = signedIn(B, "carol");
        carol.navigate(url(B, "/sources/" + source));
        assertThat(carol.locator("#source-title")).hasText("Disable memo");
        AccountService accounts = nodes.bean(A, AccountService.class);
        long id = accountId("carol");
        try {
            as(A, "admin", () -> accounts.setEnabled(id, false));
            assertThat(carol).hasURL(Pattern.compile(".*/login$"), new PageAssertions.HasURLOptions().setTimeout(5_000));
            // The old page is gone for good: the source asks for sign-in again, and carol cannot.
            carol.navigate(url(B, "/sources/" + source));
            assertThat(carol).hasURL(Pattern.compile(".*/login$"));
        } finally {
            as(A, "admin", () -> accounts.setEnabled(id, true));
        }
    }

    @Test
    void aRoleRemovedOnOneNodeEndsThePersonsPagesOnTheOther() {
        long source = source("Role memo", "Water pressure returned to the east ward on Sunday.");
        Page sam = signedIn(B, "sam");
        sam.navigate(url(B, "/sources/" + source));
        assertThat(sam.locator("#source-title")).hasText("Role memo");
        ProjectService projects = nodes.bean(A, ProjectService.class);
        List<ProjectMembership> before = as(A, "admin", () -> projects.members(TestProjects.MAIN));
        try {
            as(A, "admin", () -> projects.setMembers(TestProjects.MAIN, before.stream().map(m ->
                    m.username().equals("sam") ? new ProjectMembership("sam", Set.of(Role.REVIEWER)) : m).toList()));
            assertThat(sam).hasURL(Pattern.compile(".*/login$"), new PageAssertions.HasURLOptions().setTimeout(5_000));
        } finally {
            as(A, "admin", () -> projects.setMembers(TestProjects.MAIN, before));
        }
    }

    private static long source(String title, String text) {
        return as(A, "alice", () -> nodes.bean(A, SourceService.class)
                .importText(TestProjects.MAIN, title, text, null, null, null, null)).source().id();
    }

    private static List<AnnotationDetails> annotationsOf(int node, String reviewer, long source) {
        return as(node, reviewer, () -> nodes.bean(node, AnnotationService.class).visible(source, Set.of(reviewer)));
    }

    private static long accountId(String username) {
        return as(A, "admin", () -> nodes.bean(A, AccountService.class).list()).stream()
                .filter(a -> a.username().equals(username)).map(AccountDetails::id).findFirst().orElseThrow();
    }

    private static <T> T as(int node, String username, java.util.function.Supplier<T> work) {
        Role role = switch (username) {
            case "admin" -> Role.ADMIN;
            case "sam" -> Role.SUPERVISOR;
            default -> Role.REVIEWER;
        };
        return nodes.bean(node, CurrentActor.class).runAs(username, role, work);
    }

    private static String url(int node, String path) {
        return "http://localhost:" + nodes.port(node) + path;
    }

    private Page signedIn(int node, String username) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(url(node, "/login"));
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill(TestAccounts.passwordOf(username));
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        page.locator("#current-user").waitFor();
        return page;
    }
}
