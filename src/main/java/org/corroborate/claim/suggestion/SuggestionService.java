package org.corroborate.claim.suggestion;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.WorkbenchException;
import org.corroborate.source.SourceDetails;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests where other sources of a project say what an annotation says: sentence-sized passages
 * ranked against the annotation's words (and, at a lower weight, the sentence around them), from
 * the node's {@link PassageIndex}. Nothing here is stored as data: the index is derived from the
 * sources and caught up on each question when the project holds sources it lacks (added on this
 * node or another). Who may ask and what is shown follow the doors it reads through: the
 * annotation as {@link AnnotationService#get} gives it (404 otherwise), the project's sources as
 * {@link SourceService} gives them, the overlapping annotations as {@link AnnotationService#visible}
 * gives them (blind mode included).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SuggestionService {

    /** How many suggestions are given when the caller does not say. */
    public static final int DEFAULT_SIZE = 10;
    /** The most suggestions one question may ask for. */
    public static final int MAX_SIZE = 50;
    private static final int BATCH = 200;
    /** Below this many terms the annotation's own words are too few, and its sentence joins the query. */
    private static final int FEW_TERMS = 6;
    private static final Logger log = LoggerFactory.getLogger(SuggestionService.class);

    private final AnnotationService annotations;
    private final SourceService sources;
    private final PassageIndex index;
    private final Map<Long, Object> catchUps = new java.util.concurrent.ConcurrentHashMap<>();

    SuggestionService(AnnotationService annotations, SourceService sources, PassageIndex index) {
        this.annotations = annotations;
        this.sources = sources;
        this.index = index;
    }

    /**
     * Up to {@code size} passages of the annotation's project's other sources, best first; 400 when
     * size is outside 1..{@value #MAX_SIZE}, 404 when the caller may not see the annotation. One
     * read-only transaction for all its reads (the annotation, the catch-up check, each suggested
     * source's title and visible annotations).
     */
    @Transactional(readOnly = true)
    public Suggestions suggest(long annotationId, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw WorkbenchException.badInput("'size' must be between 1 and " + MAX_SIZE + ".");
        }
        AnnotationDetails origin = annotations.get(annotationId);
        long project = origin.project();
        catchUp(project);
        String context = origin.text().split("\\s+").length < FEW_TERMS ? sentenceAround(origin) : "";
        List<Passage> passages;
        try {
            passages = index.search(project, origin.sourceId(), origin.text(), context, size);
        } catch (UncheckedIOException e) {
            log.warn("The suggestion index could not be read: rebuilding it", e);
            index.rebuild();
            catchUp(project);
            passages = index.search(project, origin.sourceId(), origin.text(), context, size);
        }
        Map<Long, SourceSummary> titles = new HashMap<>();
        Map<Long, List<AnnotationDetails>> visible = new HashMap<>();
        List<Suggestion> found = new ArrayList<>();
        for (Passage passage : passages) {
            SourceSummary source = titles.computeIfAbsent(passage.source(), sources::summary);
            List<Suggestion.OverlappingAnnotation> overlapping = visible
                    .computeIfAbsent(passage.source(), id -> annotations.visible(id, Set.of())).stream()
                    .filter(a -> a.start() < passage.end() && passage.start() < a.end())
                    .map(a -> new Suggestion.OverlappingAnnotation(a.id(), a.label(), a.author()))
                    .toList();
            found.add(new Suggestion(passage.source(), source.title(), passage.start(), passage.end(), passage.text(),
                    passage.score(), overlapping));
        }
        return new Suggestions(annotationId, found);
    }

    /**
     * The words of a passage (or any text) that match the annotation's terms, as {@code [start, end)}
     * code point ranges of that text, for emphasis; 404 as {@link #suggest}.
     */
    public List<int[]> matchingWords(long annotationId, String text) {
        AnnotationDetails origin = annotations.get(annotationId);
        Set<String> wanted = Set.copyOf(index.terms(origin.text()));
        return index.matches(text).stream()
                .filter(m -> wanted.contains(m.term()))
                .map(m -> new int[] {text.codePointCount(0, m.start()), text.codePointCount(0, m.end())})
                .toList();
    }

    /**
     * Adds to the index the project's sources it lacks: one count query when it holds them all.
     * The project is indexed again from scratch when the index holds a source the database does not
     * have, or with other text (an index left over from another database). One catch-up per project
     * at a time; a question arriving meanwhile waits for it. 404 for a project the caller may not read.
     */
    public void catchUp(long project) {
        if (upToDate(project)) {
            return;
        }
        synchronized (catchUps.computeIfAbsent(project, p -> new Object())) {
            if (upToDate(project)) {
                return;
            }
            Map<Long, String> held = index.sources(project);
            Map<Long, String> present = sources.list(project).stream()
                    .collect(Collectors.toMap(SourceSummary::id, SourceSummary::sha256));
            boolean foreign = held.entrySet().stream()
                    .anyMatch(e -> !e.getValue().equals(present.get(e.getKey())));
            if (foreign) {
                log.info("The suggestion index holds sources of project {} this database does not: indexing it "
                        + "again", project);
                index.dropProject(project);
                held = Map.of();
            }
            List<Long> missing = new ArrayList<>();
            for (Long id : present.keySet()) {
                if (!held.containsKey(id)) {
                    missing.add(id);
                }
            }
            long started = System.nanoTime();
            for (int from = 0; from < missing.size(); from += BATCH) {
                List<Long> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
                List<PassageIndex.IndexedSource> texts = new ArrayList<>();
                for (SourceDetails source : sources.get(project, batch)) {
                    texts.add(new PassageIndex.IndexedSource(project, source.source().id(),
                            source.source().sha256(), source.text()));
                }
                index.add(texts);
            }
            if (!missing.isEmpty()) {
                log.info("Suggestion index: {} sources of project {} added in {} ms", missing.size(), project,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /** Whether the index holds as many of the project's sources as the database, the newest with the same text. */
    private boolean upToDate(long project) {
        long count = sources.count(project);
        if (count != index.count(project)) {
            return false;
        }
        var newest = index.newest(project);
        if (newest.isEmpty()) {
            return true;
        }
        try {
            return sources.summary(newest.get().getKey()).sha256().equals(newest.get().getValue());
        } catch (WorkbenchException e) {
            return false;
        }
    }

    /** The annotation's covered text with the rest of its sentence, from the context stored with it. */
    private static String sentenceAround(AnnotationDetails origin) {
        String before = origin.contextBefore() == null ? "" : origin.contextBefore();
        String after = origin.contextAfter() == null ? "" : origin.contextAfter();
        int stop = Math.max(before.lastIndexOf(". "), Math.max(before.lastIndexOf('\n'), before.lastIndexOf("? ")));
        String head = stop < 0 ? before : before.substring(stop + 1);
        int end = indexOfAny(after, ". ", "\n", "? ");
        String tail = end < 0 ? after : after.substring(0, end);
        return head + origin.text() + tail;
    }

    private static int indexOfAny(String text, String... marks) {
        int best = -1;
        for (String mark : marks) {
            int at = text.indexOf(mark);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }
}
