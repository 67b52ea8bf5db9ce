package org.corroborate.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.Api;
import org.corroborate.testing.TestDesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, the claims board: {@code GET /api/claims/board} (claims by sources, columns by published
 * date, each cell's stance, contradictions and drift first, the filters) and {@code board.csv} (the
 * same board, spreadsheet-safe), blind mode, and 404 for non-members. Each test builds a project of
 * its own ({@code TAG-sup} supervises, {@code TAG-ann} and {@code TAG-bob} review, {@code TAG-out}
 * belongs elsewhere).
 */
@WorkbenchTest
class ClaimBoardApiTest {

    private static final String LEDGER = "The council said 17 officers were injured on Monday. The plant closed in March.";
    private static final String GAZETTE = "Twenty officers were injured on Monday, police said. =SUM(A1) was painted on a wall.";
    private static final String COURIER = "Officers were hurt on Monday. The plant closed in March after the leak.";

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(mvc, json);
    }

    record Desk(long project, String sup, String ann, String bob, String out, long ledger, long gazette,
                long courier) {}

    /** A project with three sources: the Courier (undated), the Ledger (2 March) and the Gazette (1 March). */
    private Desk desk(String tag) {
        Map<String, Set<Role>> people = new LinkedHashMap<>();
        people.put(tag + "-sup", Set.of(Role.SUPERVISOR));
        people.put(tag + "-ann", Set.of(Role.REVIEWER));
        people.put(tag + "-bob", Set.of(Role.REVIEWER));
        TestDesk desk = TestDesk.create("Board " + tag, people, accounts, projects, sources, actor);
        TestDesk.create("Board elsewhere " + tag, Map.of(tag + "-out", Set.of(Role.SUPERVISOR, Role.REVIEWER)),
                accounts, projects, sources, actor);
        long courier = source(desk.project, "Courier", COURIER, null);
        long ledger = source(desk.project, "Ledger", LEDGER, "2026-03-02");
        long gazette = source(desk.project, "Gazette", GAZETTE, "2026-03-01");
        return new Desk(desk.project, tag + "-sup", tag + "-ann", tag + "-bob", tag + "-out", ledger, gazette, courier);
    }

    private long source(long project, String title, String text, String published) {
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, title, text, "The " + title,
                null, published, null)).source().id();
    }

    private long annotate(String who, long source, String text, String quote) throws Exception {
        int start = text.codePointCount(0, text.indexOf(quote));
        return api.id(api.post(who, "/api/sources/" + source + "/annotations", Map.of("start", start,
                "end", start + quote.codePointCount(0, quote.length()), "label", "FACT")).andExpect(status().isCreated()));
    }

    private long claim(String who, Desk desk, String statement) throws Exception {
        return api.id(api.post(who, "/api/claims", Map.of("project", desk.project(), "statement", statement))
                .andExpect(status().isCreated()));
    }

    private void member(String who, long claim, long annotation, String stance) throws Exception {
        api.post(who, "/api/claims/" + claim + "/members", Map.of("annotation", annotation, "stance", stance))
                .andExpect(status().isCreated());
    }

    /** Two claims: "injured" (Ledger and Gazette carry numbers that drift, the Courier qualifies), "plant" (no drift). */
    private long[] twoClaims(Desk desk) throws Exception {
        long injured = claim(desk.ann(), desk, "Seventeen officers were injured on Monday");
        member(desk.ann(), injured, annotate(desk.ann(), desk.ledger(), LEDGER, "17 officers were injured on Monday"),
                "SUPPORTS");
        member(desk.ann(), injured, annotate(desk.ann(), desk.gazette(), GAZETTE, "Twenty officers were injured on Monday"),
                "CONTRADICTS");
        member(desk.ann(), injured, annotate(desk.ann(), desk.courier(), COURIER, "Officers were hurt on Monday"),
                "QUALIFIES");
        long plant = claim(desk.ann(), desk, "The plant closed in March");
        member(desk.ann(), plant, annotate(desk.ann(), desk.ledger(), LEDGER, "The plant closed in March"), "SUPPORTS");
        member(desk.ann(), plant, annotate(desk.ann(), desk.courier(), COURIER, "The plant closed in March after the leak"),
                "SUPPORTS");
        return new long[] {injured, plant};
    }

    private JsonNode board(String who, String query) throws Exception {
        return api.read(api.get(who, "/api/claims/board?" + query).andExpect(status().isOk()));
    }

    private static List<Long> ids(JsonNode array, String field) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).asLong()));
        return ids;
    }

    @Test
    void theBoardListsClaimsBySourcesByPublishedDateWithContradictionsFirst() throws Exception {
        Desk desk = desk("bdshape");
        long[] claims = twoClaims(desk);

        JsonNode board = board(desk.bob(), "project=" + desk.project());
        // Columns by published date, the undated source last.
        assertThat(ids(board.get("sources"), "id")).containsExactly(desk.gazette(), desk.ledger(), desk.courier());
        JsonNode gazette = board.get("sources").get(0);
        assertThat(gazette.get("title").asString()).isEqualTo("Gazette");
        assertThat(gazette.get("publisher").asString()).isEqualTo("The Gazette");
        assertThat(gazette.get("published").asString()).isEqualTo("2026-03-01");
        assertThat(board.get("sources").get(2).get("published").isNull()).isTrue();

        // The contradicted claim first.
        assertThat(ids(board.get("claims"), "id")).containsExactly(claims[0], claims[1]);
        JsonNode injured = board.get("claims").get(0);
        assertThat(injured.get("statement").asString()).isEqualTo("Seventeen officers were injured on Monday");
        assertThat(injured.get("contradictions").asInt()).isEqualTo(1);
        Map<Long, JsonNode> cells = new LinkedHashMap<>();
        injured.get("cells").forEach(c -> cells.put(c.get("source").asLong(), c));
        assertThat(cells.keySet()).containsExactlyInAnyOrder(desk.ledger(), desk.gazette(), desk.courier());
        assertThat(cells.get(desk.gazette()).get("stance").asString()).isEqualTo("CONTRADICTS");
        assertThat(cells.get(desk.ledger()).get("stance").asString()).isEqualTo("SUPPORTS");
        assertThat(cells.get(desk.courier()).get("stance").asString()).isEqualTo("QUALIFIES");
        JsonNode ledger = cells.get(desk.ledger());
        assertThat(ledger.get("members").asInt()).isEqualTo(1);
        assertThat(ledger.get("start").asInt()).isEqualTo(LEDGER.indexOf("17"));
        assertThat(ledger.get("end").asInt()).isEqualTo(LEDGER.indexOf(" Monday.") + " Monday".length());
        assertThat(ledger.get("annotation").asLong()).isPositive();
        JsonNode plant = board.get("claims").get(1);
        assertThat(plant.get("contradictions").asInt()).isZero();
        assertThat(plant.get("cells")).hasSize(2);

        // The project may be left out when the caller reads one project only.
        assertThat(ids(board(desk.bob(), "").get("claims"), "id")).containsExactly(claims[0], claims[1]);
    }

    @Test
    void theFiltersNarrowTheClaimsAndTheColumns() throws Exception {
        Desk desk = desk("bdfilter");
        long[] claims = twoClaims(desk);
        String p = "project=" + desk.project();

        assertThat(ids(board(desk.ann(), p + "&text=PLANT march").get("claims"), "id")).containsExactly(claims[1]);
        JsonNode plant = board(desk.ann(), p + "&text=plant");
        assertThat(ids(plant.get("sources"), "id")).containsExactly(desk.ledger(), desk.courier());
        assertThat(ids(board(desk.ann(), p + "&source=" + desk.gazette()).get("claims"), "id"))
                .containsExactly(claims[0]);
        assertThat(ids(board(desk.ann(), p + "&stance=qualifies").get("claims"), "id")).containsExactly(claims[0]);
        assertThat(ids(board(desk.ann(), p + "&stance=CONTRADICTS&source=" + desk.ledger()).get("claims"), "id"))
                .isEmpty();
        assertThat(ids(board(desk.ann(), p + "&contradictions=true").get("claims"), "id")).containsExactly(claims[0]);
        assertThat(board(desk.ann(), p + "&text=nothing like it").get("sources")).isEmpty();
        api.get(desk.ann(), "/api/claims/board?" + p + "&stance=sideways").andExpect(status().isBadRequest());
    }

    @Test
    void driftMarksTheClaimAndItsCellsAndFiltersOnIt() throws Exception {
        Desk desk = desk("bddrift");
        long[] claims = twoClaims(desk);
        String p = "project=" + desk.project();
        JsonNode injured = board(desk.ann(), p).get("claims").get(0);
        assertThat(injured.get("driftKinds").asInt()).as("17 against Twenty officers").isGreaterThanOrEqualTo(1);
        Map<Long, Boolean> drift = new LinkedHashMap<>();
        injured.get("cells").forEach(c -> drift.put(c.get("source").asLong(), c.get("drift").asBoolean()));
        assertThat(drift.get(desk.ledger())).isTrue();
        assertThat(drift.get(desk.gazette())).isTrue();
        assertThat(ids(board(desk.ann(), p + "&drift=true").get("claims"), "id")).contains(claims[0])
                .doesNotContain(claims[1]);
    }

    @Test
    void blindModeHidesColleaguesMembersFromTheBoard() throws Exception {
        Desk desk = desk("bdblind");
        long claim = claim(desk.ann(), desk, "Seventeen officers were injured on Monday");
        member(desk.ann(), claim, annotate(desk.ann(), desk.ledger(), LEDGER, "17 officers were injured"), "SUPPORTS");
        member(desk.bob(), claim, annotate(desk.bob(), desk.gazette(), GAZETTE, "Twenty officers were injured"),
                "CONTRADICTS");
        api.put(desk.sup(), "/api/sources/" + desk.gazette() + "/blind", Map.of("blind", true)).andExpect(status().isOk());

        JsonNode seenByAnn = board(desk.ann(), "project=" + desk.project());
        assertThat(ids(seenByAnn.get("sources"), "id")).containsExactly(desk.ledger());
        JsonNode row = seenByAnn.get("claims").get(0);
        assertThat(row.get("contradictions").asInt()).as("bob's contradiction is hidden from ann").isZero();
        assertThat(ids(row.get("cells"), "source")).containsExactly(desk.ledger());
        String csv = api.get(desk.ann(), "/api/claims/board.csv?project=" + desk.project()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).doesNotContain("Gazette").doesNotContain("contradicts");

        JsonNode seenBySup = board(desk.sup(), "project=" + desk.project());
        assertThat(ids(seenBySup.get("sources"), "id")).containsExactly(desk.gazette(), desk.ledger());
        assertThat(seenBySup.get("claims").get(0).get("contradictions").asInt()).isEqualTo(1);
    }

    @Test
    void theCsvHoldsOneColumnPerSourceAndIsSafeInSpreadsheets() throws Exception {
        Desk desk = desk("bdcsv");
        long[] claims = twoClaims(desk);
        long formula = claim(desk.ann(), desk, "=SUM(A1) was painted on a wall");
        member(desk.ann(), formula, annotate(desk.ann(), desk.gazette(), GAZETTE, "=SUM(A1) was painted on a wall"),
                "SUPPORTS");

        var response = api.get(desk.bob(), "/api/claims/board.csv?project=" + desk.project()).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("claims-board-" + desk.project() + ".csv");
        List<String> lines = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("id,statement,contradictions,drift_kinds,Gazette (2026-03-01),"
                + "Ledger (2026-03-02),Courier (no date)");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(claims[0] + ",Seventeen officers were injured on Monday,1,")
                .contains(",\"contradicts, drift\",\"carries, drift\",qualifies");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(formula + ",'=SUM(A1) was painted on a wall,0,0,carries,,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(claims[1] + ",The plant closed in March,0,0,,carries,carries"));

        String filtered = api.get(desk.bob(), "/api/claims/board.csv?project=" + desk.project() + "&text=plant")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(filtered.lines().toList()).hasSize(2);
        assertThat(filtered.lines().findFirst().orElseThrow()).isEqualTo("id,statement,contradictions,drift_kinds,"
                + "Ledger (2026-03-02),Courier (no date)");
    }

    @Test
    void aNonMemberGets404AsForAProjectThatDoesNotExist() throws Exception {
        Desk desk = desk("bdiso");
        twoClaims(desk);
        api.get(desk.out(), "/api/claims/board?project=" + desk.project()).andExpect(status().isNotFound());
        api.get(desk.out(), "/api/claims/board.csv?project=" + desk.project()).andExpect(status().isNotFound());
        api.get(desk.out(), "/api/claims/board?project=999999").andExpect(status().isNotFound());
        api.get(null, "/api/claims/board?project=" + desk.project()).andExpect(status().isUnauthorized());
    }
}
