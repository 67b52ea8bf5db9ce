package org.corroborate.claim.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/annotations/{id}/suggestions}: passages of the project's other sources that carry
 * the annotation's claim, shaped as the contract says, limited in size, closed to non-members, blind
 * to colleagues' annotations where blind mode says so, and up to date with sources added since.
 * Each test works in a project of its own.
 */
@WorkbenchTest
class SuggestionApiTest {

    private static final String ORIGIN_TEXT = "Water warning.\nTwelve residents were taken to hospital after "
            + "drinking tap water on Monday, the health board said. The mayor called for calm.";
    private static final String SAME_CLAIM = "Hospital admissions.\nHealth officials confirmed that 12 people "
            + "were admitted to hospital after they drank contaminated tap water. Schools stayed 🏫 open.";
    private static final String UNRELATED = "Budget.\nThe council approved a new budget for road repairs on "
            + "Mill Street.";

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;
    Api api;
    Corpus corpus;

    /** One scenario's project: a reviewer, a colleague, a supervisor, and the origin annotation's source. */
    record Desk(long project, String reviewer, String colleague, String boss, long origin, long annotation) {}

    @BeforeEach
    void fixture() {
        api = new Api(mvc, json);
        corpus = new Corpus(api);
    }

    private Desk desk(String... moreTexts) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long project = api.id(api.post("admin", "/api/projects", Map.of("name", "Suggestion desk " + tag)));
        TestAccounts people = new TestAccounts(accounts, projects, actor);
        String reviewer = "sg-rae-" + tag;
        String colleague = "sg-ross-" + tag;
        String boss = "sg-sue-" + tag;
        people.createIn(project, reviewer, Role.REVIEWER);
        people.createIn(project, colleague, Role.REVIEWER);
        people.createIn(project, boss, Role.SUPERVISOR);
        long origin = source(project, boss, "Origin " + tag, ORIGIN_TEXT + " " + tag);
        long annotation = corpus.annotate(reviewer, origin, ORIGIN_TEXT,
                "Twelve residents were taken to hospital after drinking tap water", "FACT", Map.of(), null);
        for (String text : moreTexts) {
            source(project, boss, text.substring(0, 12) + " " + tag, text + " " + tag);
        }
        return new Desk(project, reviewer, colleague, boss, origin, annotation);
    }

    private long source(long project, String who, String title, String text) throws Exception {
        return api.id(api.post(who, "/api/sources", Map.of("project", project, "title", title, "text", text)));
    }

    private JsonNode suggestions(String who, long annotation, String query) throws Exception {
        return api.read(api.get(who, "/api/annotations/" + annotation + "/suggestions" + query)
                .andExpect(status().isOk()));
    }

    private static JsonNode find(JsonNode answer, String words) {
        for (JsonNode suggestion : answer.get("suggestions")) {
            if (suggestion.get("text").asString().contains(words)) {
                return suggestion;
            }
        }
        return null;
    }

    @Test
    void givesRankedPassagesOfOtherSourcesInTheContractsShape() throws Exception {
        Desk desk = desk(SAME_CLAIM, UNRELATED);
        JsonNode answer = suggestions(desk.reviewer(), desk.annotation(), "");
        assertThat(answer.get("annotation").asLong()).isEqualTo(desk.annotation());
        JsonNode first = answer.get("suggestions").get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("source", "title", "start", "end", "text",
                "score", "annotations");
        assertThat(first.get("text").asString()).startsWith("Health officials confirmed that 12 people");
        assertThat(first.get("title").asString()).startsWith("Hospital adm");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("annotations").isArray()).isTrue();
        // start and end are code points of the source's text (an emoji follows in the next sentence).
        String text = api.read(api.get(desk.reviewer(), "/api/sources/" + first.get("source").asLong()))
                .get("text").asString();
        int from = text.offsetByCodePoints(0, first.get("start").asInt());
        int to = text.offsetByCodePoints(0, first.get("end").asInt());
        assertThat(text.substring(from, to)).isEqualTo(first.get("text").asString());
        for (JsonNode suggestion : answer.get("suggestions")) {
            assertThat(suggestion.get("source").asLong()).isNotEqualTo(desk.origin());
        }
    }

    @Test
    void sizeDefaultsToTenAndMustBeOneToFifty() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add("Report " + i + ".\nResidents were taken to hospital after drinking water, report " + i + ".");
        }
        Desk desk = desk(many.toArray(String[]::new));
        assertThat(suggestions(desk.reviewer(), desk.annotation(), "").get("suggestions")).hasSize(10);
        assertThat(suggestions(desk.reviewer(), desk.annotation(), "?size=3").get("suggestions")).hasSize(3);
        assertThat(suggestions(desk.reviewer(), desk.annotation(), "?size=50").get("suggestions")).hasSize(12);
        for (String bad : List.of("0", "51", "-1", "ten")) {
            api.get(desk.reviewer(), "/api/annotations/" + desk.annotation() + "/suggestions?size=" + bad)
                    .andExpect(status().isBadRequest());
        }
    }

    @Test
    void aNonMemberGetsNotFoundAsForAnAnnotationThatDoesNotExist() throws Exception {
        Desk desk = desk(SAME_CLAIM);
        String outsider = "sg-out-" + UUID.randomUUID().toString().substring(0, 8);
        new TestAccounts(accounts, projects, actor).create(outsider, Role.REVIEWER);
        api.get(outsider, "/api/annotations/" + desk.annotation() + "/suggestions").andExpect(status().isNotFound());
        api.get(desk.reviewer(), "/api/annotations/999999999/suggestions").andExpect(status().isNotFound());
    }

    @Test
    void passagesOfOtherProjectsAreNeverSuggested() throws Exception {
        Desk desk = desk(UNRELATED);
        Desk elsewhere = desk(SAME_CLAIM);
        assertThat(find(suggestions(desk.reviewer(), desk.annotation(), "?size=50"), "Health officials")).isNull();
        assertThat(find(suggestions(elsewhere.reviewer(), elsewhere.annotation(), ""), "Health officials"))
                .isNotNull();
    }

    @Test
    void blindModeHidesColleaguesAnnotationsOnThePassage() throws Exception {
        Desk desk = desk();
        long blind = source(desk.project(), desk.boss(), "Blind report", SAME_CLAIM + " blind");
        long mine = corpus.annotate(desk.reviewer(), blind, SAME_CLAIM, "12 people", "FACT", Map.of(), null);
        long theirs = corpus.annotate(desk.colleague(), blind, SAME_CLAIM, "admitted to hospital", "FACT", Map.of(),
                null);
        api.put(desk.boss(), "/api/sources/" + blind + "/blind", Map.of("blind", true)).andExpect(status().isOk());

        JsonNode seen = find(suggestions(desk.reviewer(), desk.annotation(), ""), "Health officials");
        assertThat(seen.get("annotations").findValues("id")).extracting(JsonNode::asLong).containsExactly(mine);
        assertThat(seen.get("annotations").get(0).get("label").asString()).isEqualTo("FACT");
        assertThat(seen.get("annotations").get(0).get("author").asString()).isEqualTo(desk.reviewer());

        JsonNode overseen = find(suggestions(desk.boss(), desk.annotation(), ""), "Health officials");
        assertThat(overseen.get("annotations").findValues("id")).extracting(JsonNode::asLong)
                .containsExactlyInAnyOrder(mine, theirs);
    }

    @Test
    void aSourceAddedAfterTheIndexWasBuiltIsFound() throws Exception {
        Desk desk = desk(UNRELATED);
        assertThat(find(suggestions(desk.reviewer(), desk.annotation(), ""), "Health officials")).isNull();
        source(desk.project(), desk.boss(), "Late report", SAME_CLAIM + " late");
        assertThat(find(suggestions(desk.reviewer(), desk.annotation(), ""), "Health officials")).isNotNull();
    }
}
