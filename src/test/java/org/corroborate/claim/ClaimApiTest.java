package org.corroborate.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, claims: every endpoint of {@code /api/claims} on its happy path, with bad input (400 with
 * a message, nothing changed), non-members (404), who may decide (403/404), stale versions and
 * duplicates (409), blind mode, the deletion of a member annotation, and the audit trail. Each test
 * works in a project of its own, with accounts of its own: {@code TAG-sup} supervises,
 * {@code TAG-ann} and {@code TAG-bob} review, {@code TAG-out} belongs to another project.
 */
@WorkbenchTest
class ClaimApiTest {

    private static final String TEXT_A = "The council said 17 officers attended the meeting on Monday.";
    private static final String TEXT_B = "Seventeen officers were at Monday's meeting, the mayor's office said.";

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

    /** A project of the test's own: its id and its people's names. */
    record Desk(long project, String sup, String ann, String bob, String out, long elsewhere) {}

    private Desk desk(String tag) {
        Map<String, Set<Role>> people = new LinkedHashMap<>();
        people.put(tag + "-sup", Set.of(Role.SUPERVISOR));
        people.put(tag + "-ann", Set.of(Role.REVIEWER));
        people.put(tag + "-bob", Set.of(Role.REVIEWER));
        TestDesk desk = TestDesk.create("Claims " + tag, people, accounts, projects, sources, actor);
        TestDesk elsewhere = TestDesk.create("Claims elsewhere " + tag, Map.of(tag + "-out",
                Set.of(Role.SUPERVISOR, Role.REVIEWER)), accounts, projects, sources, actor);
        return new Desk(desk.project, tag + "-sup", tag + "-ann", tag + "-bob", tag + "-out", elsewhere.project);
    }

    private long source(Desk desk, String title, String text, String published) {
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(desk.project(), title, text, "The " + title,
                null, published, null)).source().id();
    }

    private long annotate(String who, long source, String text, String quote) throws Exception {
        int at = text.indexOf(quote);
        int start = text.codePointCount(0, at);
        return api.id(api.post(who, "/api/sources/" + source + "/annotations", Map.of("start", start,
                "end", start + quote.codePointCount(0, quote.length()), "label", "FACT")).andExpect(status().isCreated()));
    }

    private JsonNode createClaim(String who, Desk desk, String statement) throws Exception {
        return api.read(api.post(who, "/api/claims", Map.of("project", desk.project(), "statement", statement))
                .andExpect(status().isCreated()));
    }

    private ResultActions addMember(String who, long claim, long annotation, String stance) throws Exception {
        return api.post(who, "/api/claims/" + claim + "/members", Map.of("annotation", annotation, "stance", stance));
    }

    private ResultActions patch(String who, String path, Object body) throws Exception {
        return api.perform(who, MockMvcRequestBuilders.patch(path).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String text ? text : json.writeValueAsString(body)));
    }

    private ResultActions decide(String who, long claim, long annotation, String outcome, String reason)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("reason", reason);
        return api.post(who, "/api/claims/" + claim + "/members/" + annotation + "/decision", body);
    }

    private List<String> auditActions(String entity, long id) throws Exception {
        JsonNode events = api.read(api.get("admin", "/api/audit?entity=" + entity + "&entityId=" + id + "&size=100")
                .andExpect(status().isOk())).get("events");
        List<String> actions = new ArrayList<>();
        events.forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

    @Test
    void everyEndpointAnswersOnItsHappyPathAndEveryWriteIsAudited() throws Exception {
        Desk desk = desk("clhappy");
        long a = source(desk, "Ledger", TEXT_A, "2026-03-02");
        long b = source(desk, "Gazette", TEXT_B, "2026-03-01");
        long fromA = annotate(desk.ann(), a, TEXT_A, "17 officers attended");
        long fromB = annotate(desk.bob(), b, TEXT_B, "Seventeen officers were at");

        JsonNode created = createClaim(desk.ann(), desk, "  Seventeen officers attended the meeting.  ");
        long id = created.get("id").asLong();
        assertThat(created.get("statement").asString()).isEqualTo("Seventeen officers attended the meeting.");
        assertThat(created.get("createdBy").asString()).isEqualTo(desk.ann());
        assertThat(created.get("project").asLong()).isEqualTo(desk.project());
        assertThat(created.get("members")).isEmpty();
        assertThat(created.get("firstReported").get("status").asString()).isEqualTo("unknown");

        JsonNode added = api.read(addMember(desk.ann(), id, fromA, "SUPPORTS").andExpect(status().isCreated()));
        assertThat(added.get("members")).hasSize(1);
        JsonNode member = added.get("members").get(0);
        assertThat(member.get("annotation").asLong()).isEqualTo(fromA);
        assertThat(member.get("source").asLong()).isEqualTo(a);
        assertThat(member.get("title").asString()).isEqualTo("Ledger");
        assertThat(member.get("publisher").asString()).isEqualTo("The Ledger");
        assertThat(member.get("published").asString()).isEqualTo("2026-03-02");
        assertThat(member.get("text").asString()).isEqualTo("17 officers attended");
        assertThat(member.get("start").asInt()).isEqualTo(TEXT_A.indexOf("17"));
        assertThat(member.get("label").asString()).isEqualTo("FACT");
        assertThat(member.get("author").asString()).isEqualTo(desk.ann());
        assertThat(member.get("stance").asString()).isEqualTo("SUPPORTS");
        assertThat(member.get("addedBy").asString()).isEqualTo(desk.ann());
        assertThat(member.get("decision").isNull()).isTrue();
        JsonNode two = api.read(addMember(desk.bob(), id, fromB, "contradicts").andExpect(status().isCreated()));
        // Ordered by publication: the Gazette's (1 March) before the Ledger's (2 March).
        assertThat(two.get("members").get(0).get("annotation").asLong()).isEqualTo(fromB);
        assertThat(two.get("firstReported").get("status").asString()).isEqualTo("earliest");
        assertThat(two.get("firstReported").get("annotations").get(0).asLong()).isEqualTo(fromB);
        assertThat(two.get("version").asLong()).isGreaterThan(created.get("version").asLong());

        JsonNode list = api.read(api.get(desk.ann(), "/api/claims?project=" + desk.project())
                .andExpect(status().isOk()));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("members").asInt()).isEqualTo(2);
        assertThat(list.get(0).get("sources").asInt()).isEqualTo(2);
        assertThat(list.get(0).get("contradictions").asInt()).isEqualTo(1);
        assertThat(list.get(0).get("statement").asString()).isEqualTo("Seventeen officers attended the meeting.");

        JsonNode got = api.read(api.get(desk.bob(), "/api/claims/" + id).andExpect(status().isOk()));
        assertThat(got.get("members")).hasSize(2);
        assertThat(got.has("drift")).isTrue();
        long version = got.get("version").asLong();

        JsonNode renamed = api.read(patch(desk.ann(), "/api/claims/" + id,
                Map.of("statement", "17 officers attended Monday's meeting.", "version", version))
                .andExpect(status().isOk()));
        assertThat(renamed.get("statement").asString()).isEqualTo("17 officers attended Monday's meeting.");
        assertThat(renamed.get("version").asLong()).isEqualTo(version + 1);

        JsonNode changed = api.read(patch(desk.bob(), "/api/claims/" + id + "/members/" + fromB,
                Map.of("stance", "QUALIFIES")).andExpect(status().isOk()));
        assertThat(changed.get("members").get(0).get("stance").asString()).isEqualTo("QUALIFIES");

        JsonNode of = api.read(api.get(desk.bob(), "/api/annotations/" + fromB + "/claims").andExpect(status().isOk()));
        assertThat(of).hasSize(1);
        assertThat(of.get(0).get("id").asLong()).isEqualTo(id);

        JsonNode decided = api.read(decide(desk.sup(), id, fromA, "ACCEPTED", "Both name seventeen officers.")
                .andExpect(status().isOk()));
        JsonNode decision = decided.get("members").get(1).get("decision");
        assertThat(decision.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(decision.get("reason").asString()).isEqualTo("Both name seventeen officers.");
        assertThat(decision.get("decidedBy").asString()).isEqualTo(desk.sup());
        assertThat(decision.get("decidedAt").asString()).isNotBlank();
        decide(desk.sup(), id, fromB, "REJECTED", "Qualifies nothing.").andExpect(status().isOk());

        JsonNode gold = api.read(api.get(desk.ann(), "/api/claims/gold?project=" + desk.project())
                .andExpect(status().isOk()));
        assertThat(gold).hasSize(1);
        assertThat(gold.get(0).get("members")).hasSize(1);
        assertThat(gold.get(0).get("members").get(0).get("annotation").asLong()).isEqualTo(fromA);

        JsonNode removed = api.read(api.delete(desk.bob(), "/api/claims/" + id + "/members/" + fromB)
                .andExpect(status().isOk()));
        assertThat(removed.get("members")).hasSize(1);
        assertThat(api.read(api.get(desk.bob(), "/api/annotations/" + fromB + "/claims"))).isEmpty();

        long last = api.read(api.get(desk.sup(), "/api/claims/" + id)).get("version").asLong();
        api.delete(desk.sup(), "/api/claims/" + id + "?version=" + last).andExpect(status().isNoContent());
        api.get(desk.ann(), "/api/claims/" + id).andExpect(status().isNotFound());
        assertThat(api.read(api.get(desk.ann(), "/api/claims?project=" + desk.project()))).isEmpty();

        assertThat(auditActions("Claim", id)).contains("claim.created", "claim.renamed", "claim.deleted");
        List<String> memberActions = new ArrayList<>();
        for (JsonNode e : api.read(api.get("admin", "/api/audit?entity=ClaimMember&source=" + b + "&size=100"))
                .get("events")) {
            memberActions.add(e.get("action").asString());
        }
        assertThat(memberActions).contains("claim.member.added", "claim.member.changed", "claim.member.decided",
                "claim.member.removed");
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingChanges() throws Exception {
        Desk desk = desk("clbad");
        long a = source(desk, "Ledger", "Bad input: " + TEXT_A, null);
        long fromA = annotate(desk.ann(), a, "Bad input: " + TEXT_A, "17 officers");
        long id = createClaim(desk.ann(), desk, "Seventeen officers.").get("id").asLong();
        api.post(desk.ann(), "/api/claims", Map.of("project", desk.project(), "statement", "   "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(
                        org.hamcrest.Matchers.containsString("'statement' is required")));
        api.post(desk.ann(), "/api/claims", Map.of("project", desk.project(), "statement", "x".repeat(2001)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(
                        org.hamcrest.Matchers.containsString("at most 2000")));
        api.post(desk.ann(), "/api/claims", Map.of("project", desk.project(), "statement", "bell\u0007"))
                .andExpect(status().isBadRequest());
        patch(desk.ann(), "/api/claims/" + id, Map.of("statement", "No version")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("'version' is required")));
        patch(desk.ann(), "/api/claims/" + id, Map.of("statement", "", "version", 0)).andExpect(status().isBadRequest());
        api.delete(desk.ann(), "/api/claims/" + id).andExpect(status().isBadRequest());
        addMember(desk.ann(), id, fromA, "BELIEVES").andExpect(status().isBadRequest()).andExpect(jsonPath("$.message")
                .value(org.hamcrest.Matchers.containsString("SUPPORTS, CONTRADICTS, QUALIFIES")));
        api.post(desk.ann(), "/api/claims/" + id + "/members", Map.of("stance", "SUPPORTS"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message")
                        .value(org.hamcrest.Matchers.containsString("'annotation' is required")));
        api.post(desk.ann(), "/api/claims/" + id + "/members", Map.of("annotation", fromA))
                .andExpect(status().isBadRequest());
        addMember(desk.ann(), id, fromA, "SUPPORTS").andExpect(status().isCreated());
        patch(desk.ann(), "/api/claims/" + id + "/members/" + fromA, Map.of("stance", "maybe"))
                .andExpect(status().isBadRequest());
        decide(desk.sup(), id, fromA, "ACCEPTED", " ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("'reason' is required")));
        decide(desk.sup(), id, fromA, "PERHAPS", "Because.").andExpect(status().isBadRequest());
        decide(desk.sup(), id, fromA, null, "Because.").andExpect(status().isBadRequest());
        api.get(desk.ann(), "/api/claims?project=abc").andExpect(status().isBadRequest());

        JsonNode after = api.read(api.get(desk.ann(), "/api/claims/" + id));
        assertThat(after.get("statement").asString()).isEqualTo("Seventeen officers.");
        assertThat(after.get("members")).hasSize(1);
        assertThat(after.get("members").get(0).get("stance").asString()).isEqualTo("SUPPORTS");
        assertThat(after.get("members").get(0).get("decision").isNull()).isTrue();
        assertThat(api.read(api.get(desk.ann(), "/api/claims?project=" + desk.project()))).hasSize(1);
        assertThat(auditActions("Claim", id)).containsExactly("claim.created");
    }

    @Test
    void forANonMemberEveryClaimAnswersAsIfItDidNotExist() throws Exception {
        Desk desk = desk("clout");
        long a = source(desk, "Ledger", "Outsiders: " + TEXT_A, null);
        long fromA = annotate(desk.ann(), a, "Outsiders: " + TEXT_A, "17 officers");
        long id = createClaim(desk.ann(), desk, "Seventeen officers.").get("id").asLong();
        addMember(desk.ann(), id, fromA, "SUPPORTS").andExpect(status().isCreated());
        String out = desk.out();
        String missing = api.read(api.get(out, "/api/claims/999999999").andExpect(status().isNotFound()))
                .get("message").asString();
        assertThat(api.read(api.get(out, "/api/claims/" + id).andExpect(status().isNotFound())).get("message")
                .asString()).isEqualTo(missing.replace("999999999", String.valueOf(id)));
        api.get(out, "/api/claims?project=" + desk.project()).andExpect(status().isNotFound());
        api.get(out, "/api/claims/gold?project=" + desk.project()).andExpect(status().isNotFound());
        api.post(out, "/api/claims", Map.of("project", desk.project(), "statement", "Mine now"))
                .andExpect(status().isNotFound());
        patch(out, "/api/claims/" + id, Map.of("statement", "Mine now", "version", 1)).andExpect(status().isNotFound());
        api.delete(out, "/api/claims/" + id + "?version=1").andExpect(status().isNotFound());
        addMember(out, id, fromA, "SUPPORTS").andExpect(status().isNotFound());
        patch(out, "/api/claims/" + id + "/members/" + fromA, Map.of("stance", "QUALIFIES"))
                .andExpect(status().isNotFound());
        api.delete(out, "/api/claims/" + id + "/members/" + fromA).andExpect(status().isNotFound());
        decide(out, id, fromA, "ACCEPTED", "I supervise elsewhere.").andExpect(status().isNotFound());
        api.get(out, "/api/annotations/" + fromA + "/claims").andExpect(status().isNotFound());
        assertThat(api.read(api.get(desk.ann(), "/api/claims/" + id)).get("members")).hasSize(1);
    }

    @Test
    void onlySupervisorsAndAdministratorsDecideAndEveryoneElseIsToldWhy() throws Exception {
        Desk desk = desk("cldecide");
        String text = "Decisions: " + TEXT_A;
        long a = source(desk, "Ledger", text, null);
        long fromA = annotate(desk.ann(), a, text, "17 officers");
        long id = createClaim(desk.ann(), desk, "Seventeen officers.").get("id").asLong();
        addMember(desk.ann(), id, fromA, "SUPPORTS").andExpect(status().isCreated());
        decide(desk.ann(), id, fromA, "ACCEPTED", "My own, so good.").andExpect(status().isForbidden());
        decide(desk.bob(), id, fromA, "REJECTED", "Not convinced.").andExpect(status().isForbidden());
        decide(desk.out(), id, fromA, "REJECTED", "Elsewhere.").andExpect(status().isNotFound());
        assertThat(api.read(api.get(desk.sup(), "/api/claims/" + id)).get("members").get(0).get("decision").isNull())
                .isTrue();
        // No such member: 404, even for the supervisor.
        decide(desk.sup(), id, fromA + 100000, "ACCEPTED", "Ghost.").andExpect(status().isNotFound());
        decide("admin", id, fromA, "REJECTED", "Administrator's view.").andExpect(status().isOk());
        JsonNode now = api.read(decide(desk.sup(), id, fromA, "ACCEPTED", "On second thought.")
                .andExpect(status().isOk()));
        JsonNode decision = now.get("members").get(0).get("decision");
        assertThat(decision.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(decision.get("decidedBy").asString()).isEqualTo(desk.sup());
    }

    @Test
    void membersAreChangedOrRemovedByWhoAddedThemOrASupervisor() throws Exception {
        Desk desk = desk("clowner");
        String text = "Owners: " + TEXT_A;
        long a = source(desk, "Ledger", text, null);
        long fromA = annotate(desk.ann(), a, text, "17 officers");
        JsonNode claim = createClaim(desk.ann(), desk, "Seventeen officers.");
        long id = claim.get("id").asLong();
        addMember(desk.ann(), id, fromA, "SUPPORTS").andExpect(status().isCreated());
        patch(desk.bob(), "/api/claims/" + id + "/members/" + fromA, Map.of("stance", "CONTRADICTS"))
                .andExpect(status().isForbidden());
        api.delete(desk.bob(), "/api/claims/" + id + "/members/" + fromA).andExpect(status().isForbidden());
        // Only its creator or a supervisor renames a claim; the creator cannot delete it once colleagues' members are in.
        long version = api.read(api.get(desk.bob(), "/api/claims/" + id)).get("version").asLong();
        patch(desk.bob(), "/api/claims/" + id, Map.of("statement", "Bob's words", "version", version))
                .andExpect(status().isForbidden());
        api.delete(desk.bob(), "/api/claims/" + id + "?version=" + version).andExpect(status().isForbidden());
        long fromBob = annotate(desk.bob(), a, text, "the meeting on Monday");
        addMember(desk.bob(), id, fromBob, "QUALIFIES").andExpect(status().isCreated());
        version = api.read(api.get(desk.ann(), "/api/claims/" + id)).get("version").asLong();
        api.delete(desk.ann(), "/api/claims/" + id + "?version=" + version).andExpect(status().isForbidden());
        JsonNode bySupervisor = api.read(patch(desk.sup(), "/api/claims/" + id + "/members/" + fromA,
                Map.of("stance", "CONTRADICTS")).andExpect(status().isOk()));
        assertThat(bySupervisor.get("members")).anySatisfy(m -> {
            assertThat(m.get("annotation").asLong()).isEqualTo(fromA);
            assertThat(m.get("stance").asString()).isEqualTo("CONTRADICTS");
        });
        api.delete(desk.sup(), "/api/claims/" + id + "/members/" + fromBob).andExpect(status().isOk());
        version = api.read(api.get(desk.ann(), "/api/claims/" + id)).get("version").asLong();
        // Every member is hers again: the creator may delete it.
        api.delete(desk.ann(), "/api/claims/" + id + "?version=" + version).andExpect(status().isNoContent());
    }

    @Test
    void staleVersionsAndDuplicateMembersAreConflicts() throws Exception {
        Desk desk = desk("clstale");
        String text = "Stale: " + TEXT_A;
        long a = source(desk, "Ledger", text, null);
        long fromA = annotate(desk.ann(), a, text, "17 officers");
        JsonNode claim = createClaim(desk.ann(), desk, "Seventeen officers.");
        long id = claim.get("id").asLong();
        long seen = claim.get("version").asLong();
        addMember(desk.ann(), id, fromA, "SUPPORTS").andExpect(status().isCreated());
        addMember(desk.sup(), id, fromA, "CONTRADICTS").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("already")));
        // The member's addition changed the claim: the version read before it is stale now.
        patch(desk.ann(), "/api/claims/" + id, Map.of("statement", "Seventeen officers came.", "version", seen))
                .andExpect(status().isConflict());
        api.delete(desk.ann(), "/api/claims/" + id + "?version=" + seen).andExpect(status().isConflict());
        JsonNode now = api.read(api.get(desk.ann(), "/api/claims/" + id));
        assertThat(now.get("statement").asString()).isEqualTo("Seventeen officers.");
        assertThat(now.get("members")).hasSize(1);
        assertThat(now.get("members").get(0).get("stance").asString()).isEqualTo("SUPPORTS");
    }

    @Test
    void aMemberMustBeAnAnnotationOfTheClaimsProjectThatTheCallerMaySee() throws Exception {
        Desk desk = desk("clforeign");
        String text = "Foreign: " + TEXT_A;
        long a = source(desk, "Ledger", text, null);
        long id = createClaim(desk.ann(), desk, "Seventeen officers.").get("id").asLong();
        // An annotation of another project, made by its own supervisor-reviewer.
        long elsewhere = actor.runAs("admin", Role.ADMIN, () -> sources.importText(desk.elsewhere(), "Other", text,
                null, null, null, null)).source().id();
        long foreign = annotate(desk.out(), elsewhere, text, "17 officers");
        addMember(desk.sup(), id, foreign, "SUPPORTS").andExpect(status().isNotFound());
        addMember(desk.ann(), id, 999_999_999L, "SUPPORTS").andExpect(status().isNotFound());
        // A colleague's annotation on a blind source the reviewer has not submitted: not hers to see.
        api.put(desk.sup(), "/api/sources/" + a + "/blind", Map.of("blind", true)).andExpect(status().isOk());
        long bobs = annotate(desk.bob(), a, text, "the meeting");
        addMember(desk.ann(), id, bobs, "SUPPORTS").andExpect(status().isNotFound());
        assertThat(api.read(api.get(desk.ann(), "/api/claims/" + id)).get("members")).isEmpty();
        api.get(desk.ann(), "/api/annotations/" + bobs + "/claims").andExpect(status().isNotFound());
    }

    @Test
    void blindModeHidesColleaguesMembersAndDecisionsUntilTheReviewerSubmits() throws Exception {
        Desk desk = desk("clblind");
        String text = "Blind: " + TEXT_A;
        long a = source(desk, "Ledger", text, "2026-02-01");
        long open = source(desk, "Gazette", "Blind: " + TEXT_B, "2026-02-03");
        long anns = annotate(desk.ann(), a, text, "17 officers");
        long bobs = annotate(desk.bob(), a, text, "the meeting on Monday");
        long openBobs = annotate(desk.bob(), open, "Blind: " + TEXT_B, "Seventeen officers");
        api.put(desk.sup(), "/api/sources/" + a + "/blind", Map.of("blind", true)).andExpect(status().isOk());
        long id = createClaim(desk.bob(), desk, "Seventeen officers.").get("id").asLong();
        addMember(desk.bob(), id, bobs, "SUPPORTS").andExpect(status().isCreated());
        addMember(desk.bob(), id, openBobs, "SUPPORTS").andExpect(status().isCreated());
        addMember(desk.ann(), id, anns, "SUPPORTS").andExpect(status().isCreated());
        decide(desk.sup(), id, anns, "REJECTED", "zq-secret-reason").andExpect(status().isOk());
        decide(desk.sup(), id, bobs, "ACCEPTED", "Good.").andExpect(status().isOk());

        // ann has not submitted the blind source: bob's member there is hidden, and the decision on her own.
        JsonNode hers = api.read(api.get(desk.ann(), "/api/claims/" + id).andExpect(status().isOk()));
        assertThat(hers.get("members")).extracting(m -> m.get("annotation").asLong())
                .containsExactlyInAnyOrder(anns, openBobs);
        assertThat(hers.toString()).doesNotContain("zq-secret-reason").doesNotContain("the meeting on Monday");
        hers.get("members").forEach(m -> {
            if (m.get("annotation").asLong() == anns) {
                assertThat(m.get("decision").isNull()).isTrue();
            }
        });
        assertThat(hers.get("firstReported").get("annotations")).extracting(JsonNode::asLong).containsExactly(anns);
        JsonNode summary = api.read(api.get(desk.ann(), "/api/claims?project=" + desk.project())).get(0);
        assertThat(summary.get("members").asInt()).isEqualTo(2);
        assertThat(api.read(api.get(desk.ann(), "/api/claims/gold?project=" + desk.project()))).isEmpty();
        patch(desk.ann(), "/api/claims/" + id + "/members/" + bobs, Map.of("stance", "QUALIFIES"))
                .andExpect(status().isNotFound());
        // The supervisor sees everything.
        assertThat(api.read(api.get(desk.sup(), "/api/claims/" + id)).get("members")).hasSize(3);
        // Once she submits, she sees her colleagues' work and the decisions.
        api.post(desk.ann(), "/api/sources/" + a + "/submit", null).andExpect(status().isOk());
        JsonNode after = api.read(api.get(desk.ann(), "/api/claims/" + id));
        assertThat(after.get("members")).hasSize(3);
        assertThat(after.toString()).contains("zq-secret-reason");
        assertThat(api.read(api.get(desk.ann(), "/api/claims/gold?project=" + desk.project()))).hasSize(1);
    }

    @Test
    void deletingAnAnnotationRemovesItsMembershipsAndTheAuditTrailSaysWhy() throws Exception {
        Desk desk = desk("cldelete");
        String text = "Deleting: " + TEXT_A;
        long a = source(desk, "Ledger", text, null);
        long fromA = annotate(desk.ann(), a, text, "17 officers");
        long other = annotate(desk.ann(), a, text, "the meeting");
        long first = createClaim(desk.ann(), desk, "Seventeen officers.").get("id").asLong();
        long second = createClaim(desk.bob(), desk, "A meeting took place.").get("id").asLong();
        addMember(desk.ann(), first, fromA, "SUPPORTS").andExpect(status().isCreated());
        addMember(desk.ann(), first, other, "QUALIFIES").andExpect(status().isCreated());
        addMember(desk.bob(), second, fromA, "SUPPORTS").andExpect(status().isCreated());
        long version = api.read(api.get(desk.ann(), "/api/annotations/" + fromA)).get("version").asLong();
        api.delete(desk.ann(), "/api/annotations/" + fromA + "?version=" + version).andExpect(status().isNoContent());
        assertThat(api.read(api.get(desk.ann(), "/api/claims/" + first)).get("members"))
                .extracting(m -> m.get("annotation").asLong()).containsExactly(other);
        assertThat(api.read(api.get(desk.bob(), "/api/claims/" + second)).get("members")).isEmpty();
        JsonNode events = api.read(api.get("admin", "/api/audit?action=claim.member.removed&source=" + a
                + "&size=100")).get("events");
        assertThat(events).hasSize(2);
        events.forEach(e -> assertThat(e.get("reason").asString())
                .contains("Annotation " + fromA + " was deleted by " + desk.ann()));
        // bob's membership went as the workbench's doing, not ann's.
        assertThat(events).extracting(e -> e.get("actor").asString())
                .containsExactlyInAnyOrder(desk.ann(), "system");
    }

    @Test
    void theFirstReportIsTheEarliestDatedSourceATieOrUnknownAndSaysSoPlainly() throws Exception {
        Desk desk = desk("clfirst");
        String base = "First: " + TEXT_A;
        long early = source(desk, "Early", "1 " + base, "2026-01-05");
        long tied = source(desk, "Tied", "2 " + base, "2026-01-05");
        long later = source(desk, "Later", "3 " + base, "2026-01-09");
        long undated = source(desk, "Undated", "4 " + base, null);
        long undated2 = source(desk, "Undated too", "5 " + base, null);
        long inEarly = annotate(desk.ann(), early, "1 " + base, "17 officers");
        long inTied = annotate(desk.ann(), tied, "2 " + base, "17 officers");
        long inLater = annotate(desk.ann(), later, "3 " + base, "17 officers");
        long inUndated = annotate(desk.ann(), undated, "4 " + base, "17 officers");
        long inUndated2 = annotate(desk.ann(), undated2, "5 " + base, "17 officers");

        long unknown = createClaim(desk.ann(), desk, "Unknown.").get("id").asLong();
        addMember(desk.ann(), unknown, inUndated, "SUPPORTS").andExpect(status().isCreated());
        JsonNode report = api.read(addMember(desk.ann(), unknown, inUndated2, "SUPPORTS")).get("firstReported");
        assertThat(report.get("status").asString()).isEqualTo("unknown");
        assertThat(report.get("annotations")).isEmpty();
        assertThat(report.get("published").isNull()).isTrue();
        assertThat(report.get("note").asString()).contains("none of the 2 members' sources has a publication date");

        long earliest = createClaim(desk.ann(), desk, "Earliest.").get("id").asLong();
        addMember(desk.ann(), earliest, inLater, "SUPPORTS").andExpect(status().isCreated());
        report = api.read(addMember(desk.ann(), earliest, inEarly, "SUPPORTS")).get("firstReported");
        assertThat(report.get("status").asString()).isEqualTo("earliest");
        assertThat(report.get("annotations")).extracting(JsonNode::asLong).containsExactly(inEarly);
        assertThat(report.get("published").asString()).isEqualTo("2026-01-05");
        assertThat(report.get("note").asString()).isEqualTo("First reported on 2026-01-05 by \"Early\" (The Early).");

        long someUndated = createClaim(desk.ann(), desk, "Some undated.").get("id").asLong();
        addMember(desk.ann(), someUndated, inLater, "SUPPORTS").andExpect(status().isCreated());
        report = api.read(addMember(desk.ann(), someUndated, inUndated, "CONTRADICTS")).get("firstReported");
        assertThat(report.get("status").asString()).isEqualTo("earliest");
        assertThat(report.get("annotations")).extracting(JsonNode::asLong).containsExactly(inLater);
        assertThat(report.get("note").asString()).contains("1 member's source has no date and may have reported it "
                + "earlier");

        long tie = createClaim(desk.ann(), desk, "Tie.").get("id").asLong();
        addMember(desk.ann(), tie, inEarly, "SUPPORTS").andExpect(status().isCreated());
        addMember(desk.ann(), tie, inLater, "SUPPORTS").andExpect(status().isCreated());
        addMember(desk.ann(), tie, inUndated, "SUPPORTS").andExpect(status().isCreated());
        addMember(desk.ann(), tie, inUndated2, "SUPPORTS").andExpect(status().isCreated());
        report = api.read(addMember(desk.ann(), tie, inTied, "QUALIFIES")).get("firstReported");
        assertThat(report.get("status").asString()).isEqualTo("tie");
        assertThat(report.get("annotations")).extracting(JsonNode::asLong).containsExactlyInAnyOrder(inEarly, inTied);
        assertThat(report.get("published").asString()).isEqualTo("2026-01-05");
        assertThat(report.get("note").asString()).contains("A tie: 2 sources", "\"Early\"", "\"Tied\"",
                "2 members' sources have no date");
    }

    @Test
    void openViewsHearAClaimChangeAfterItCommits() throws Exception {
        Desk desk = desk("cllive");
        List<ClaimChanged> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = updates.subscribe(desk.project(), heard::add)) {
            long id = createClaim(desk.ann(), desk, "Heard live.").get("id").asLong();
            assertThat(heard).containsExactly(new ClaimChanged(id, desk.project()));
            api.post(desk.ann(), "/api/claims", Map.of("project", desk.project(), "statement", ""))
                    .andExpect(status().isBadRequest());
            assertThat(heard).hasSize(1);
        }
        createClaim(desk.ann(), desk, "Nobody listens.");
        assertThat(heard).hasSize(1);
    }

    @Autowired ClaimUpdates updates;
}
