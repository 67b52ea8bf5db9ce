package org.corroborate.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The MUSTs of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) that a
 * collection of text annotations meets, as rules a test can run: the collection has the context,
 * an {@code id} IRI, type {@code AnnotationCollection}, a {@code total} equal to its annotations,
 * and its annotations in the AnnotationPage under {@code first} (an {@code id} IRI, type
 * {@code AnnotationPage}, {@code items}). Each annotation has an {@code id} IRI, type
 * {@code Annotation} and at least one target; a TextualBody has a {@code value}; motivations and
 * purposes are the model's; {@code created} and {@code modified} are xsd:dateTime with a time zone;
 * a TextPositionSelector has non-negative {@code start} ≤ {@code end}; a TextQuoteSelector an
 * {@code exact}; a creator that is an object has a {@code type} or {@code id}. Returns the items.
 */
final class W3cModelRules {

    private W3cModelRules() {}

    static final Set<String> MOTIVATIONS = Set.of("assessing", "bookmarking", "classifying", "commenting",
            "describing", "editing", "highlighting", "identifying", "linking", "moderating", "questioning",
            "replying", "tagging");

    static List<JsonNode> check(JsonNode collection) {
        require(collection.path("@context").asString("").equals("http://www.w3.org/ns/anno.jsonld"),
                "the collection has the Web Annotation context");
        iri(collection.get("id"), "the collection's id");
        require(collection.path("type").asString("").equals("AnnotationCollection"), "type AnnotationCollection");
        require(!collection.has("items"), "a collection holds its annotations in pages, not in 'items'");
        JsonNode page = collection.get("first");
        require(page != null && page.isObject(), "the collection's first page is embedded");
        iri(page.get("id"), "the page's id");
        require(page.path("type").asString("").equals("AnnotationPage"), "type AnnotationPage");
        require(page.path("items").isArray(), "the page has items");
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        require(collection.path("total").isIntegralNumber() && collection.get("total").asLong() == items.size(),
                "total is the number of annotations (" + items.size() + ")");
        for (JsonNode item : items) {
            annotation(item);
        }
        return items;
    }

    static void annotation(JsonNode a) {
        String id = a.path("id").asString("?");
        iri(a.get("id"), "an annotation's id");
        require(a.path("type").asString("").equals("Annotation"), id + ": type Annotation");
        require(a.has("target") && !(a.get("target").isArray() && a.get("target").isEmpty()), id + ": a target");
        for (JsonNode motivation : list(a.get("motivation"))) {
            require(MOTIVATIONS.contains(motivation.asString("")), id + ": motivation " + motivation);
        }
        for (JsonNode body : list(a.get("body"))) {
            if (body.path("type").asString("").equals("TextualBody")) {
                require(body.path("value").isString(), id + ": a TextualBody has a value");
            }
            if (body.path("type").asString("").equals("SpecificResource")) {
                require(body.path("source").isString() || body.path("source").has("id"),
                        id + ": a SpecificResource body has a source");
            }
            if (body.has("purpose")) {
                require(MOTIVATIONS.contains(body.get("purpose").asString("")), id + ": purpose " + body.get("purpose"));
            }
        }
        for (String time : List.of("created", "modified")) {
            if (a.has(time)) {
                Instant.parse(a.get(time).asString()); // xsd:dateTime with a zone, as the model asks
            }
        }
        for (JsonNode creator : list(a.get("creator"))) {
            require(creator.isString() || creator.has("id") || creator.has("type"), id + ": creator is an agent");
        }
        for (JsonNode target : list(a.get("target"))) {
            if (target.isString()) {
                iri(target, id + ": a target IRI");
                continue;
            }
            require(target.has("source"), id + ": a SpecificResource has a source");
            for (JsonNode selector : list(target.get("selector"))) {
                String type = selector.path("type").asString("");
                if (type.equals("TextPositionSelector")) {
                    require(selector.path("start").isIntegralNumber() && selector.path("end").isIntegralNumber()
                            && selector.get("start").asInt() >= 0
                            && selector.get("start").asInt() <= selector.get("end").asInt(), id + ": start <= end");
                } else if (type.equals("TextQuoteSelector")) {
                    require(selector.path("exact").isString(), id + ": a TextQuoteSelector has exact");
                }
            }
        }
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (node.isArray()) {
            node.forEach(result::add);
        } else {
            result.add(node);
        }
        return result;
    }

    private static void iri(JsonNode node, String what) {
        require(node != null && node.isString() && node.asString().matches("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$"),
                what + " is an IRI (" + node + ")");
    }

    private static void require(boolean rule, String what) {
        if (!rule) {
            throw new AssertionError("W3C Web Annotation model: " + what);
        }
    }
}
