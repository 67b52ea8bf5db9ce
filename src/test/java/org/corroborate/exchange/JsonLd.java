package org.corroborate.exchange;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON-LD 1.1 expansion for tests, offline: the only remote document it serves is the W3C Web
 * Annotation context, from the copy in {@code src/test/resources/jsonld/anno.jsonld}; any other
 * remote URL fails the expansion.
 *
 * <p>That copy is {@code jsonld/anno.jsonld} of github.com/w3c/web-annotation at commit
 * 929c823564930d65546c54a24aeb8df1bdcd021b (2016), byte for byte, plus the one line
 * {@code "assessing": "oa:assessing"} (after "reviewing") that W3C added in July 2021 to the file
 * served at http://www.w3.org/ns/anno.jsonld (github.com/w3c/web-annotation/issues/444), so it
 * matches what w3.org serves today.
 */
final class JsonLd {

    static final String ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    private static final Set<String> ANNO_URLS = Set.of(ANNO_CONTEXT, "https://www.w3.org/ns/anno.jsonld");
    private static final byte[] ANNO = annoContext();
    private static final JsonObject ANNO_TERMS = parse(ANNO).asJsonObject().getJsonObject("@context");

    private JsonLd() {
    }

    /** The expanded form of a JSON-LD document (JSON-LD 1.1 expansion algorithm). */
    static JsonArray expand(byte[] document) {
        try {
            return com.apicatalog.jsonld.JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(document)))
                    .loader(JsonLd::load)
                    .get();
        } catch (JsonLdError e) {
            Throwable root = e; // titanium wraps the loader's error: its message is the one that explains
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalStateException("JSON-LD expansion failed: " + root.getMessage(), e);
        }
    }

    /**
     * Terms of a compacted document, whose only context is anno.jsonld, that the context does not
     * define: keys, which expansion drops, and values of {@code type}, {@code motivation},
     * {@code purpose} and {@code textDirection}, which expansion leaves as relative IRIs instead of
     * vocabulary IRIs. Keywords and IRIs (anything with a colon) are not terms and pass.
     */
    static Set<String> undefinedTerms(byte[] document) {
        JsonValue root = parse(document);
        if (!(root instanceof JsonObject object) || !(object.get("@context") instanceof JsonString context)
                || !ANNO_URLS.contains(context.getString())) {
            throw new IllegalArgumentException("expected a JSON object with \"@context\": \"" + ANNO_CONTEXT + "\"");
        }
        Set<String> undefined = new TreeSet<>();
        collectUndefined(Json.createObjectBuilder(object).remove("@context").build(), undefined);
        return undefined;
    }

    private static void collectUndefined(JsonValue value, Set<String> undefined) {
        if (value instanceof JsonArray array) {
            array.forEach(item -> collectUndefined(item, undefined));
        } else if (value instanceof JsonObject object) {
            object.forEach((key, member) -> {
                if (key.equals("@context")) {
                    throw new IllegalArgumentException("nested @context: the terms it defines are not checked here");
                }
                if (!isDefined(key)) {
                    undefined.add(key);
                }
                if (takesVocabularyTerms(key)) {
                    JsonArray terms = member instanceof JsonArray list ? list
                            : Json.createArrayBuilder().add(member).build();
                    terms.stream().filter(JsonString.class::isInstance).map(term -> ((JsonString) term).getString())
                            .filter(term -> !isDefined(term)).forEach(undefined::add);
                }
                collectUndefined(member, undefined);
            });
        }
    }

    private static boolean isDefined(String term) {
        return Keywords.contains(term) || ANNO_TERMS.containsKey(term) || term.contains(":");
    }

    /** Keys whose string values are expanded against the vocabulary: @type, its alias type, and @vocab-typed terms. */
    private static boolean takesVocabularyTerms(String key) {
        if (Keywords.TYPE.equals(key)) {
            return true;
        }
        return ANNO_TERMS.get(key) instanceof JsonObject definition
                && (Keywords.TYPE.equals(definition.getString(Keywords.ID, null))
                || Keywords.VOCAB.equals(definition.getString(Keywords.TYPE, null)));
    }

    private static Document load(URI url, DocumentLoaderOptions options) throws JsonLdError {
        if (!ANNO_URLS.contains(url.toString())) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "offline: only " + ANNO_CONTEXT + " is bundled, refusing to fetch " + url);
        }
        JsonDocument context = JsonDocument.of(new ByteArrayInputStream(ANNO));
        context.setDocumentUrl(url);
        return context;
    }

    private static JsonValue parse(byte[] json) {
        try (var reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readValue();
        }
    }

    private static byte[] annoContext() {
        try (InputStream in = JsonLd.class.getResourceAsStream("/jsonld/anno.jsonld")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /jsonld/anno.jsonld");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
