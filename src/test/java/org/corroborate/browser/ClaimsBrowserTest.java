package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.Stance;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The claims board and the claim page: filter the board, open a claim from it (mouse) and a member
 * in its source (keyboard), see the drifting details highlighted, and a supervisor accepts a member
 * with a reason. Screenshots at 1440 and 390 px; axe-core on both screens.
 */
class ClaimsBrowserTest extends BrowserTest {

    private static final String LEDGER = "The council said 17 officers were injured on Monday night. "
            + "The plant closed in March, months after residents first reported the smell.";
    private static final String GAZETTE = "Twenty officers were injured on Monday night, police said, "
            + "and four were kept in hospital.";
    private static final String COURIER = "Several officers were hurt on Monday, according to witnesses. "
            + "The plant closed in March after the leak.";

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired ClaimService claims;
    @Autowired CurrentActor actor;

    private record Scene(long injured, long plant, long ledger, long gazetteMember) {}

    private Scene scene(String tag) {
        Map<String, Set<Role>> people = new LinkedHashMap<>();
        people.put(tag + "-sup", Set.of(Role.SUPERVISOR));
        people.put(tag + "-rev", Set.of(Role.REVIEWER));
        TestDesk desk = TestDesk.create("Claims desk " + tag, people, accounts, projects, sources, actor);
        long ledger = source(desk.project, "Vale Ledger", LEDGER, "2026-03-02");
        long gazette = source(desk.project, "County Gazette", GAZETTE, "2026-03-01");
        long courier = source(desk.project, "Evening Courier", COURIER, null);
        String rev = tag + "-rev";
        long injured = actor.runAs(rev, Role.REVIEWER, () -> claims.create(desk.project,
                "Seventeen officers were injured on Monday night").id());
        long plant = actor.runAs(rev, Role.REVIEWER, () -> claims.create(desk.project, "The plant closed in March").id());
        member(rev, injured, ledger, LEDGER, "17 officers were injured on Monday night", Stance.SUPPORTS);
        long gazetteMember = member(rev, injured, gazette, GAZETTE, "Twenty officers were injured on Monday night",
                Stance.CONTRADICTS);
        member(rev, injured, courier, COURIER, "Several officers were hurt on Monday", Stance.QUALIFIES);
        member(rev, plant, ledger, LEDGER, "The plant closed in March", Stance.SUPPORTS);
        member(rev, plant, courier, COURIER, "The plant closed in March after the leak", Stance.SUPPORTS);
        return new Scene(injured, plant, ledger, gazetteMember);
    }

    private long source(long project, String title, String text, String published) {
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, title, text, "The " + title, null,
                published, null)).source().id();
    }

    private long member(String who, long claim, long source, String text, String quote, Stance stance) {
        int start = text.codePointCount(0, text.indexOf(quote));
        int end = start + quote.codePointCount(0, quote.length());
        return actor.runAs(who, Role.REVIEWER, () -> {
            long annotation = annotations.create(source, AnnotationRequest.create(start, end, "FACT", Map.of(), null)).id();
            claims.addMember(claim, annotation, stance);
            return annotation;
        });
    }

    private Locator board() {
        Locator board = page.locator("#claims-board[data-painted]");
        board.waitFor();
        return board;
    }

    @Test
    void filterTheBoardOpenAClaimSeeItsDriftAndAcceptAMemberWithAReason() {
        Scene scene = scene("cbb");
        page.setViewportSize(1440, 900);
        signIn(page, "cbb-sup");
        page.navigate(url("/claims"));
        Locator board = board();
        assertThat(board).hasAttribute("shown", "2");
        // Contradictions first: the injured officers' claim, with its three stances in three glyphs.
        assertThat(board.locator("#r0-s")).containsText("Seventeen officers were injured");
        assertThat(board.locator("[role=gridcell][title='County Gazette: contradicts, details drift'] .glyph"))
                .hasText("✕Δ");
        assertThat(board.locator("[role=gridcell][title='Evening Courier: qualifies'] .glyph")).hasText("◐");
        screenshot(page, "claims-board-1440");
        assertAccessible(page, "claims board");

        page.locator("#board-text input").fill("plant");
        assertThat(board).hasAttribute("shown", "1");
        assertThat(board.locator("#r0-s")).containsText("The plant closed in March");
        page.locator("#board-text input").fill("");
        page.locator("#board-contradictions input").check();
        assertThat(board).hasAttribute("shown", "1");
        assertThat(board.locator("#r0-s")).containsText("Seventeen officers");

        board.locator("#r0-s").click();
        page.waitForURL("**/claims/" + scene.injured());
        assertThat(page.locator("#claim-statement")).hasText("Seventeen officers were injured on Monday night");
        assertThat(page.locator("#first-report")).hasAttribute("data-status", "earliest");
        assertThat(page.locator("#first-report")).containsText("County Gazette");
        Locator cards = page.locator("#member-cards .cb-member-card");
        assertThat(cards).hasCount(3);
        // By published date: the Gazette (1 March), the Ledger (2 March), the undated Courier last.
        assertThat(cards.nth(0)).containsText("County Gazette");
        assertThat(cards.nth(2)).containsText("Evening Courier");
        assertThat(page.locator("#drift-summary .cb-drift-row[data-kind=number]")).containsText("17 officers");
        assertThat(cards.nth(0).locator(".cb-drift-mark")).containsText("Twenty officers");
        assertThat(cards.nth(1).locator(".cb-drift-mark")).containsText("17 officers");
        assertThat(cards.nth(1).locator("a.cb-member-source")).hasAttribute("href",
                "sources/" + scene.ledger() + "?at=" + LEDGER.indexOf("17") + "-" + (LEDGER.indexOf("17")
                        + "17 officers were injured on Monday night".length()));

        Locator gazette = page.locator("[data-annotation='" + scene.gazetteMember() + "']");
        gazette.locator("[data-action=accept]").click();
        page.locator("#reason-text textarea").fill("The police statement gives twenty.");
        page.locator("#reason-confirm").click();
        assertThat(page.locator("[data-annotation='" + scene.gazetteMember() + "'] .cb-decision.ACCEPTED"))
                .containsText("The police statement gives twenty.");
        page.locator("vaadin-notification").evaluateAll("all => all.forEach(n => n.opened = false)");
        screenshot(page, "claim-page-1440");
        assertAccessible(page, "claim page");

        page.setViewportSize(390, 844);
        screenshot(page, "claim-page-390");
        double first = page.locator("#member-cards .cb-member-card").nth(0).boundingBox().y;
        double second = page.locator("#member-cards .cb-member-card").nth(1).boundingBox().y;
        assertThat(second).as("cards stack on a narrow screen").isGreaterThan(first);
        page.navigate(url("/claims"));
        board();
        screenshot(page, "claims-board-390");
    }

    @Test
    void aReviewerMakesAClaimAndMovesThroughTheBoardByKeyboardToAMemberInItsSource() {
        Scene scene = scene("cbk");
        signIn(page, "cbk-rev");
        page.navigate(url("/claims"));
        board();
        page.locator("#new-claim").click();
        page.locator("#new-claim-statement textarea").fill("Four officers were kept in hospital");
        page.locator("#new-claim-save").click();
        page.waitForURL("**/claims/*");
        assertThat(page.locator("#claim-statement")).hasText("Four officers were kept in hospital");
        assertThat(page.locator("#member-cards")).containsText("No members you can see yet");

        page.navigate(url("/claims"));
        Locator board = board();
        assertThat(board).hasAttribute("shown", "3");
        Locator grid = board.locator("[role=grid]");
        grid.focus();
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        assertThat(grid).hasAttribute("aria-activedescendant", "r0-c1");
        page.keyboard().press("Enter");
        page.waitForURL("**/sources/" + scene.ledger() + "?at=*");
        assertThat(page.url()).contains("at=" + LEDGER.indexOf("17") + "-");
    }
}
