package org.corroborate.testing;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Builds labelled sources through the API of the test workbench, as reviewers would: sources,
 * annotations (offsets in code points), verdicts, decisions, and exports. Every call expects
 * success; a source whose text is already in the workbench is a failure that names it, since a
 * test must work on sources of its own (see docs/architecture.md, Tests).
 */
public final class Corpus {

    private final Api api;

    public Corpus(Api api) {
        this.api = api;
    }

    /** Imports {@code text} as the administrator, with a title, publisher and URL; its id. */
    public long source(String title, String text) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("text", text);
        body.put("publisher", "The Ledger");
        body.put("url", "https://example.org/story");
        body.put("project", TestProjects.MAIN);
        return created(api.post("admin", "/api/sources", body), "source \"" + text + "\"");
    }

    /** Imports {@code text} as the administrator, titled by its first words; its id. */
    public long source(String text) throws Exception {
        return source(text.length() > 40 ? text.substring(0, 40) : text, text);
    }

    /** Annotates the first occurrence of {@code quote} in {@code text}; the annotation's id. */
    public long annotate(String who, long source, String text, String quote, String label,
                         Map<String, String> attributes, String note) throws Exception {
        int at = text.indexOf(quote);
        if (at < 0) {
            throw new IllegalArgumentException("'" + quote + "' is not in the text");
        }
        int start = text.codePointCount(0, at);
        return annotate(who, source, start, start + quote.codePointCount(0, quote.length()), label, attributes, note);
    }

    /** Annotates [start, end) in code points with a label only; the annotation's id. */
    public long annotate(String who, long source, int start, int end, String label) throws Exception {
        return annotate(who, source, start, end, label, Map.of(), null);
    }

    /** Annotates [start, end) in code points; the annotation's id. */
    public long annotate(String who, long source, int start, int end, String label, Map<String, String> attributes,
                         String note) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", start);
        body.put("end", end);
        body.put("label", label);
        body.put("attributes", attributes);
        if (note != null) {
            body.put("note", note);
        }
        return created(api.post(who, "/api/sources/" + source + "/annotations", body), "annotation by " + who);
    }

    /** Records {@code who}'s verdict (AGREE, DISAGREE, UNSURE) on an annotation. */
    public void assess(String who, long annotation, String verdict) throws Exception {
        api.put(who, "/api/annotations/" + annotation + "/assessment", Map.of("verdict", verdict))
                .andExpect(status().isOk());
    }

    /** The supervisor sam decides on annotations of a source ({@code from}: the version taken, or null); its id. */
    public long decide(long source, List<Long> annotations, String outcome, Long from, String reason) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("annotationIds", annotations);
        body.put("outcome", outcome);
        if (from != null) {
            body.put("from", from);
        }
        body.put("reason", reason);
        return created(api.post("sam", "/api/sources/" + source + "/decisions", body), "decision");
    }

    /** The export's zip as {@code who} downloads it ({@code query}: e.g. {@code format=jsonl&source=1}). */
    public byte[] export(String who, String query) throws Exception {
        return api.get(who, "/api/export?" + query).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private long created(ResultActions result, String what) throws Exception {
        int status = result.andReturn().getResponse().getStatus();
        if (status != 201) {
            throw new AssertionError(what + " was answered " + status + " instead of 201: "
                    + result.andReturn().getResponse().getContentAsString()
                    + (status == 409 ? " (a text another test already imported: give this test a text of its own)" : ""));
        }
        return api.id(result);
    }
}
