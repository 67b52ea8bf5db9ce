package org.corroborate.review.adjudication;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Two reviewers disagree; a supervisor settles it into the gold layer with a reason. */
@WorkbenchTest
class AdjudicationApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private Corpus corpus() {
        return new Corpus(new Api(mvc, json));
    }

    private long annotate(String who, long source, int start, int end, String label) throws Exception {
        return corpus().annotate(who, source, start, end, label);
    }

    private ResultActions decide(String who, long source, Object body) throws Exception {
        return mvc.perform(post("/api/sources/" + source + "/decisions").with(httpBasic(who, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    @Test
    void aSupervisorSettlesADisagreementIntoGoldWithAReason() throws Exception {
        long source = corpus().source("Adjudicated", "The utility hid the results for months. "
                + "The mayor said the water is safe, and a supervisor settled it.");
        long alices = annotate("alice", source, 4, 38, "ALLEGATION");
        long bobs = annotate("bob", source, 4, 38, "FACT");
        long agreedA = annotate("alice", source, 40, 48, "FACT");
        long agreedB = annotate("bob", source, 40, 48, "FACT");

        // Units are per label: the ALLEGATION and the FACT over the same words are a unit each.
        mvc.perform(get("/api/sources/" + source + "/units").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].label").value("ALLEGATION"))
                .andExpect(jsonPath("$[0].agreed").value(false))
                .andExpect(jsonPath("$[0].versions[*].id", containsInAnyOrder((int) alices)))
                .andExpect(jsonPath("$[1].label").value("FACT"))
                .andExpect(jsonPath("$[1].versions[*].id", containsInAnyOrder((int) bobs)))
                .andExpect(jsonPath("$[2].agreed").value(true));

        decide("bob", source, Map.of("annotationIds", List.of(alices, bobs), "outcome", "ACCEPTED",
                "reason", "mine")).andExpect(status().isForbidden());
        decide("sam", source, Map.of("annotationIds", List.of(alices, bobs), "outcome", "ACCEPTED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("needs a reason")));
        decide("sam", source, Map.of("annotationIds", List.of(alices, bobs), "outcome", "ACCEPTED",
                "reason", "Two versions"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("'from'")));

        String made = decide("sam", source, Map.of("annotationIds", List.of(alices, bobs), "outcome", "ACCEPTED",
                "from", alices, "attributes", Map.of("allegedBy", "The Vale Voice"),
                "reason", "Hiding results is an accusation, not an established fact"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gold.label").value("ALLEGATION"))
                .andExpect(jsonPath("$.gold.text").value("utility hid the results for months"))
                .andExpect(jsonPath("$.basedOn", containsInAnyOrder((int) alices, (int) bobs)))
                .andReturn().getResponse().getContentAsString();
        long decisionId = json.readTree(made).get("id").asLong();
        // A decision resting on annotations of two units makes them one unit: it belongs to exactly one.
        mvc.perform(get("/api/sources/" + source + "/units").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].label").value("ALLEGATION"))
                .andExpect(jsonPath("$[0].decision.id").value((int) decisionId));

        decide("sam", source, Map.of("annotationIds", List.of(bobs), "outcome", "REJECTED", "reason", "again"))
                .andExpect(status().isConflict());

        mvc.perform(post("/api/sources/" + source + "/decisions/agreed").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Both said so\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].basedOn", containsInAnyOrder((int) agreedA, (int) agreedB)));

        // Reviewers read the gold layer and see how their work was adjudicated, and why.
        mvc.perform(get("/api/sources/" + source + "/annotations").param("layer", "gold")
                        .with(httpBasic("bob", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].reason").value("Hiding results is an accusation, not an established fact"))
                .andExpect(jsonPath("$[0].decidedBy").value("sam"));
        mvc.perform(get("/api/sources/" + source + "/annotations").param("layer", "draft")
                        .with(httpBasic("bob", "demo")))
                .andExpect(status().isBadRequest());

        mvc.perform(put("/api/decisions/" + decisionId).with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("outcome", "REJECTED", "reason", "On reflection, "
                                + "neither", "version", 0))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REJECTED"))
                .andExpect(jsonPath("$.gold").doesNotExist());
        mvc.perform(put("/api/decisions/" + decisionId).with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("outcome", "REJECTED", "reason", "stale", "version", 0))))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/decisions/" + decisionId).with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("outcome", "REJECTED", "reason", "no version"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("'version' is required")));
        mvc.perform(get("/api/audit").param("entity", "Decision").param("entityId", String.valueOf(decisionId))
                        .with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$.events[0].action").value("decision.revised"))
                .andExpect(jsonPath("$.events[1].action").value("decision.made"));
    }

    /**
     * Issue 12, item 4: alice and bob tag the same QUOTE, alice an ALLEGATION inside it. The QUOTE is
     * one agreed unit, the ALLEGATION (only alice's) another; after the QUOTE is accepted the
     * ALLEGATION can still go into gold, each decision rests on its own unit's annotations, and
     * "accept every agreed unit" accepts exactly the one agreed unit.
     */
    @Test
    void aNestedSpanOfAnotherLabelIsAUnitOfItsOwn() throws Exception {
        String text = "The mayor said: the utility hid the test results for months, and nobody checked.";
        long source = corpus().source("Nested units", text);
        long alicesQuote = corpus().annotate("alice", source, text, "the utility hid the test results for months",
                "QUOTE", Map.of("speaker", "the mayor"), null);
        long bobsQuote = corpus().annotate("bob", source, text, "the utility hid the test results for months",
                "QUOTE", Map.of("speaker", "the mayor"), null);
        long allegation = corpus().annotate("alice", source, text, "utility hid the test results", "ALLEGATION",
                Map.of("allegedAgainst", "the utility"), null);

        mvc.perform(get("/api/sources/" + source + "/units").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].label").value("QUOTE"))
                .andExpect(jsonPath("$[0].start").value(16))
                .andExpect(jsonPath("$[0].end").value(59))
                .andExpect(jsonPath("$[0].agreed").value(true))
                .andExpect(jsonPath("$[0].versions[*].id", containsInAnyOrder((int) alicesQuote, (int) bobsQuote)))
                .andExpect(jsonPath("$[1].label").value("ALLEGATION"))
                .andExpect(jsonPath("$[1].agreed").value(false))
                .andExpect(jsonPath("$[1].versions[*].id", containsInAnyOrder((int) allegation)));

        mvc.perform(post("/api/sources/" + source + "/decisions/agreed").with(httpBasic("sam", "demo"))
                        .header("X-Requested-With", "corroborate"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].gold.label").value("QUOTE"))
                .andExpect(jsonPath("$[0].basedOn", containsInAnyOrder((int) alicesQuote, (int) bobsQuote)));
        decide("sam", source, Map.of("annotationIds", List.of(allegation), "outcome", "ACCEPTED",
                "reason", "An accusation inside the quote"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gold.label").value("ALLEGATION"))
                .andExpect(jsonPath("$.basedOn", containsInAnyOrder((int) allegation)));
        // Deciding the decided QUOTE unit again, through a version of it, is a conflict.
        decide("sam", source, Map.of("annotationIds", List.of(bobsQuote), "outcome", "REJECTED", "reason", "again"))
                .andExpect(status().isConflict());

        mvc.perform(get("/api/sources/" + source + "/annotations").param("layer", "gold")
                        .with(httpBasic("alice", "demo")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].gold.label").value("QUOTE"))
                .andExpect(jsonPath("$[1].gold.label").value("ALLEGATION"))
                .andExpect(jsonPath("$[1].gold.attributes.allegedAgainst").value("the utility"));
        mvc.perform(post("/api/sources/" + source + "/decisions/agreed").with(httpBasic("sam", "demo"))
                        .header("X-Requested-With", "corroborate"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    /**
     * Edit and accept changes only the label (the curation dialog sends no attributes): the gold span
     * keeps the version's values the new label also has and drops the others, as an annotation's
     * label change does, instead of refusing an attribute the new label lacks.
     */
    @Test
    void aRelabelledAcceptanceKeepsOnlyTheAttributesTheNewLabelHas() throws Exception {
        long source = corpus().source("Relabelled in curation", "Councillor Brannagh said the ferry "
                + "contract was rigged from the start.");
        long quote = corpus().annotate("alice", source, 0, 19, "QUOTE", Map.of("speaker", "Brannagh"), null);
        long fact = annotate("bob", source, 0, 19, "FACT");

        decide("sam", source, Map.of("annotationIds", List.of(quote, fact), "outcome", "ACCEPTED",
                "from", quote, "label", "FACT", "reason", "A title, not a quotation"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gold.label").value("FACT"))
                .andExpect(jsonPath("$.gold.attributes").isEmpty());
    }
}
