package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A W3C Web Annotation collection shaped like our export expands, against the bundled anno.jsonld
 * context (see {@link JsonLd} for its origin), to the Web Annotation, Activity Streams and FOAF IRIs;
 * terms outside the context vanish.
 */
class JsonLdTest {

    private static final String OA = "http://www.w3.org/ns/oa#";
    private static final String AS = "http://www.w3.org/ns/activitystreams#";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final String SOURCE = "urn:sha256:" + "ab12".repeat(16);

    /** Our export's shape: one tagging annotation on a text, and a colleague's verdict on it. */
    private static final String COLLECTION = """
            {
              "@context": "http://www.w3.org/ns/anno.jsonld",
              "type": "AnnotationCollection",
              "label": "Corroborate corpus",
              "generator": {"id": "urn:corroborate:workbench", "type": "Software", "name": "Corroborate"},
              "items": [
                {
                  "id": "urn:corroborate:annotation:7",
                  "type": "Annotation",
                  "motivation": "tagging",
                  "creator": {"id": "urn:corroborate:account:alice", "type": "Person", "nickname": "alice"},
                  "created": "2025-03-01T10:15:30Z",
                  "modified": "2025-03-01T10:16:00Z",
                  "generator": "urn:corroborate:workbench",
                  "body": [
                    {"type": "TextualBody", "purpose": "tagging", "value": "QUOTE"},
                    {"type": "TextualBody", "purpose": "describing", "value": "direct", "id": "urn:corroborate:attribute:speech"},
                    {"type": "TextualBody", "purpose": "commenting", "value": "check the date"}
                  ],
                  "target": {
                    "source": "%s",
                    "selector": [
                      {"type": "TextQuoteSelector", "exact": "the water is safe", "prefix": "The mayor said: “", "suffix": "”."},
                      {"type": "TextPositionSelector", "start": 17, "end": 34}
                    ]
                  }%s
                },
                {
                  "id": "urn:corroborate:assessment:7:bob",
                  "type": "Annotation",
                  "motivation": "%s",
                  "creator": {"id": "urn:corroborate:account:bob", "type": "Person", "nickname": "bob"},
                  "body": {"type": "TextualBody", "purpose": "assessing", "value": "AGREE"},
                  "target": "urn:corroborate:annotation:7"
                }
              ]
            }
            """;

    @Test
    void collectionExpandsToAnOrderedCollectionOfAnnotations() {
        JsonObject collection = expanded(collection("", "assessing"));
        assertThat(types(collection)).containsExactly(AS + "OrderedCollection");
        assertThat(value(collection, "http://www.w3.org/2000/01/rdf-schema#label")).isEqualTo("Corroborate corpus");
        JsonObject generator = first(collection, AS + "generator");
        assertThat(generator.getString("@id")).isEqualTo("urn:corroborate:workbench");
        assertThat(types(generator)).containsExactly(AS + "Application");
        assertThat(value(generator, "http://xmlns.com/foaf/0.1/name")).isEqualTo("Corroborate");
        assertThat(items(collection)).hasSize(2)
                .allSatisfy(item -> assertThat(types(item)).containsExactly(OA + "Annotation"));
    }

    @Test
    void taggingAnnotationExpandsMotivationBodiesCreatorAndDates() {
        JsonObject annotation = items(expanded(collection("", "assessing"))).get(0);
        assertThat(first(annotation, OA + "motivatedBy").getString("@id")).isEqualTo(OA + "tagging");
        List<JsonObject> bodies = all(annotation, OA + "hasBody");
        assertThat(bodies).allSatisfy(body -> assertThat(types(body)).containsExactly(OA + "TextualBody"));
        assertThat(bodies).extracting(body -> first(body, OA + "hasPurpose").getString("@id"))
                .containsExactly(OA + "tagging", OA + "describing", OA + "commenting");
        assertThat(bodies).extracting(body -> value(body, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"))
                .containsExactly("QUOTE", "direct", "check the date");
        JsonObject creator = first(annotation, "http://purl.org/dc/terms/creator");
        assertThat(types(creator)).containsExactly("http://xmlns.com/foaf/0.1/Person");
        assertThat(value(creator, "http://xmlns.com/foaf/0.1/nick")).isEqualTo("alice");
        JsonObject created = first(annotation, "http://purl.org/dc/terms/created");
        assertThat(created.getString("@type")).isEqualTo(XSD + "dateTime");
        assertThat(created.getString("@value")).isEqualTo("2025-03-01T10:15:30Z");
        assertThat(first(annotation, AS + "generator").getString("@id")).isEqualTo("urn:corroborate:workbench");
    }

    @Test
    void targetExpandsToSourceAndTextSelectorsWithIntegerOffsets() {
        JsonObject target = first(items(expanded(collection("", "assessing"))).get(0), OA + "hasTarget");
        assertThat(first(target, OA + "hasSource").getString("@id")).isEqualTo(SOURCE);
        List<JsonObject> selectors = all(target, OA + "hasSelector");
        assertThat(selectors).extracting(selector -> types(selector).get(0))
                .containsExactly(OA + "TextQuoteSelector", OA + "TextPositionSelector");
        JsonObject quote = selectors.get(0);
        assertThat(value(quote, OA + "exact")).isEqualTo("the water is safe");
        assertThat(value(quote, OA + "prefix")).isEqualTo("The mayor said: “");
        assertThat(value(quote, OA + "suffix")).isEqualTo("”.");
        JsonObject start = first(selectors.get(1), OA + "start");
        assertThat(start.getString("@type")).isEqualTo(XSD + "nonNegativeInteger");
        assertThat(start.getJsonNumber("@value").intValueExact()).isEqualTo(17);
        assertThat(first(selectors.get(1), OA + "end").getJsonNumber("@value").intValueExact()).isEqualTo(34);
    }

    @Test
    void assessingAnnotationTargetsTheAnnotationItJudges() {
        List<JsonObject> items = items(expanded(collection("", "assessing")));
        JsonObject assessing = items.get(1);
        assertThat(first(assessing, OA + "motivatedBy").getString("@id")).isEqualTo(OA + "assessing");
        assertThat(first(first(assessing, OA + "hasBody"), OA + "hasPurpose").getString("@id"))
                .isEqualTo(OA + "assessing");
        assertThat(first(assessing, OA + "hasTarget").getString("@id")).isEqualTo(items.get(0).getString("@id"));
    }

    @Test
    void ourShapeUsesOnlyTermsOfTheContext() {
        assertThat(JsonLd.undefinedTerms(collection("", "assessing"))).isEmpty();
    }

    @Test
    void aKeyOutsideTheContextIsDroppedByExpansion() {
        byte[] document = collection(",\n \"labelColour\": \"#ff0000\"", "assessing");
        assertThat(expanded(document).toString()).doesNotContain("labelColour").doesNotContain("#ff0000");
        assertThat(JsonLd.undefinedTerms(document)).containsExactly("labelColour");
    }

    @Test
    void aMotivationOutsideTheContextDoesNotBecomeAnOpenAnnotationIri() {
        byte[] document = collection("", "flagging");
        assertThat(first(items(expanded(document)).get(1), OA + "motivatedBy").getString("@id")).isEqualTo("flagging");
        assertThat(JsonLd.undefinedTerms(document)).containsExactly("flagging");
    }

    @Test
    void theHttpsContextUrlIsServedFromTheSameCopy() {
        String https = new String(collection("", "assessing"), StandardCharsets.UTF_8)
                .replace("http://www.w3.org/ns/anno.jsonld", "https://www.w3.org/ns/anno.jsonld");
        assertThat(JsonLd.expand(https.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(JsonLd.expand(collection("", "assessing")));
    }

    @Test
    void anyOtherRemoteContextIsRefused() {
        byte[] document = "{\"@context\": \"https://example.org/other.jsonld\", \"name\": \"x\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonLd.expand(document))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to fetch https://example.org/other.jsonld");
    }

    private static byte[] collection(String extraMember, String verdictMotivation) {
        return COLLECTION.formatted(SOURCE, extraMember, verdictMotivation).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject expanded(byte[] document) {
        JsonArray expanded = JsonLd.expand(document);
        assertThat(expanded).hasSize(1);
        return expanded.getJsonObject(0);
    }

    private static List<JsonObject> items(JsonObject collection) {
        return first(collection, AS + "items").getJsonArray("@list").getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> all(JsonObject node, String property) {
        assertThat(node.containsKey(property)).as("%s in %s", property, node).isTrue();
        return node.getJsonArray(property).getValuesAs(JsonObject.class);
    }

    private static JsonObject first(JsonObject node, String property) {
        return all(node, property).get(0);
    }

    private static String value(JsonObject node, String property) {
        return first(node, property).getString("@value");
    }

    private static List<String> types(JsonObject node) {
        return node.getJsonArray("@type").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
