package org.corroborate.claim.suggestion;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The passages of every source, in a Lucene index on this node's disk, for finding where other
 * sources say what an annotation says. It holds nothing the database does not: each node builds its
 * own from the sources (a folder per node, never shared or replicated), and it is thrown away and
 * built again when it is missing, unreadable, or was written by another version of this index or of
 * Lucene. For every indexed source it keeps one marker (project, source, SHA-256 of the text) beside
 * the source's passages, written in the same commit, so it knows which sources it holds.
 *
 * <p>Thread-safe: searches run in parallel; additions are serialised. Offsets are code points.
 */
@Component
class PassageIndex implements AutoCloseable {

    /** Bumped whenever what is indexed or how it is analysed changes: an index of another format is rebuilt. */
    static final String FORMAT = "passages-1";
    private static final String FORMAT_KEY = "corroborate.format";
    private static final String LUCENE_KEY = "corroborate.lucene";
    private static final int MAX_QUERY_TERMS = 64;
    private static final float CONTEXT_WEIGHT = 0.3f;
    private static final Logger log = LoggerFactory.getLogger(PassageIndex.class);

    private final Path folder;
    private final Passages passages;
    private final Analyzer analyzer = new PassageAnalyzer();
    /** project → (source → SHA-256 of its text) for every source the index holds. */
    private final Map<Long, Map<Long, String>> held = new ConcurrentHashMap<>();
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    /**
     * Opens the index in {@code folder} (workbench.suggestions.index-dir, by default the folder
     * {@code suggestion-index} in workbench.data-dir), creating it, or starting afresh when it cannot
     * be used as it is.
     */
    PassageIndex(@Value("${workbench.suggestions.index-dir:${workbench.data-dir:./data}/suggestion-index}") Path folder,
                 Passages passages) {
        this.folder = folder;
        this.passages = passages;
        open();
    }

    /** How many sources of a project the index holds. */
    int count(long project) {
        return held.getOrDefault(project, Map.of()).size();
    }

    /** The newest (highest id) source of a project the index holds, with its text's SHA-256; empty if none. */
    java.util.Optional<Map.Entry<Long, String>> newest(long project) {
        return held.getOrDefault(project, Map.of()).entrySet().stream().max(Map.Entry.comparingByKey());
    }

    /** The sources of a project the index holds, with the SHA-256 of each one's text. */
    Map<Long, String> sources(long project) {
        return Map.copyOf(held.getOrDefault(project, Map.of()));
    }

    /** Adds sources (their passages and markers) in one commit; sources already held are skipped. */
    synchronized void add(List<IndexedSource> sources) {
        try {
            int added = 0;
            for (IndexedSource source : sources) {
                if (held.getOrDefault(source.project(), Map.of()).containsKey(source.id())) {
                    continue;
                }
                List<Document> documents = new ArrayList<>();
                for (Passage passage : passages.of(source.project(), source.id(), source.text())) {
                    documents.add(passageDocument(passage));
                }
                documents.add(markerDocument(source));
                writer.addDocuments(documents);
                added++;
            }
            if (added > 0) {
                writer.setLiveCommitData(commitData().entrySet());
                writer.commit();
                searchers.maybeRefreshBlocking();
                for (IndexedSource source : sources) {
                    held.computeIfAbsent(source.project(), p -> new ConcurrentHashMap<>())
                            .put(source.id(), source.sha256());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The suggestion index in " + folder + " could not be written", e);
        }
    }

    /** Forgets every passage of one project (its sources are then added again). */
    synchronized void dropProject(long project) {
        try {
            writer.deleteDocuments(new Term("project", Long.toString(project)));
            writer.commit();
            searchers.maybeRefreshBlocking();
            held.remove(project);
        } catch (IOException e) {
            throw new UncheckedIOException("The suggestion index in " + folder + " could not be written", e);
        }
    }

    /** Throws the whole index away and starts an empty one (after it was found unreadable). */
    synchronized void rebuild() {
        log.warn("Rebuilding the suggestion index in {}", folder);
        closeQuietly();
        wipe();
        open();
    }

    /**
     * The passages of a project, other than those of one source, that share most terms with the
     * query, best first: {@code text}'s terms count fully, {@code context}'s (the words around it)
     * at {@value #CONTEXT_WEIGHT}. A passage repeated in one source (same words) is given once.
     */
    List<Passage> search(long project, long excludedSource, String text, String context, int size) {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (String term : terms(text)) {
            weights.put(term, 1f);
        }
        for (String term : terms(context)) {
            weights.putIfAbsent(term, CONTEXT_WEIGHT);
        }
        if (weights.isEmpty() || size <= 0) {
            return List.of();
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        weights.entrySet().stream().limit(MAX_QUERY_TERMS).forEach(e -> words.add(
                new BoostQuery(new TermQuery(new Term("text", e.getKey())), e.getValue()), BooleanClause.Occur.SHOULD));
        BooleanQuery query = new BooleanQuery.Builder()
                .add(words.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("project", Long.toString(project))), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("source", Long.toString(excludedSource))), BooleanClause.Occur.MUST_NOT)
                .build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ScoreDoc[] hits = searcher.search(query, size * 3).scoreDocs;
                StoredFields stored = searcher.storedFields();
                List<Passage> found = new ArrayList<>();
                Set<String> seen = new LinkedHashSet<>();
                for (ScoreDoc hit : hits) {
                    Document doc = stored.document(hit.doc);
                    Passage passage = new Passage(project, Long.parseLong(doc.get("source")),
                            doc.getField("start").numericValue().intValue(),
                            doc.getField("end").numericValue().intValue(), doc.get("text"), hit.score);
                    if (seen.add(passage.source() + "\u0000" + passage.text()) && found.size() < size) {
                        found.add(passage);
                    }
                }
                return found;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The suggestion index in " + folder + " could not be read", e);
        }
    }

    /** The analysed terms of a text (lower case, numbers as numerals, no stop words, stemmed), in order. */
    List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (Match match : matches(text)) {
            terms.add(match.term());
        }
        return terms;
    }

    /** Where in a text each analysed term stands: {@code [start, end)} in UTF-16 indices of the text. */
    List<Match> matches(String text) {
        List<Match> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                found.add(new Match(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** One analysed term and where its word stands in the text read (UTF-16 indices). */
    record Match(String term, int start, int end) {
    }

    /** A source to index: its project, id, the SHA-256 of its text, and the text. */
    record IndexedSource(long project, long id, String sha256, String text) {
    }

    @Override
    @PreDestroy
    public synchronized void close() {
        closeQuietly();
    }

    private void open() {
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            if (!usable()) {
                directory.close();
                wipe();
                Files.createDirectories(folder);
                directory = FSDirectory.open(folder);
            }
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            if (writer.getLiveCommitData() == null || !writer.getLiveCommitData().iterator().hasNext()) {
                writer.setLiveCommitData(commitData().entrySet());
                writer.commit();
            }
            searchers = new SearcherManager(writer, null);
            loadMarkers();
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("The suggestion index in " + folder + " is in use by another process: "
                    + "each workbench node needs its own workbench.data-dir (docs/operations.md)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The suggestion index in " + folder + " could not be opened", e);
        }
    }

    /** Whether the folder holds an index this code wrote and Lucene can open (none at all is fine too). */
    private boolean usable() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                boolean empty;
                try (Stream<Path> files = Files.list(folder)) {
                    empty = files.noneMatch(f -> !f.getFileName().toString().equals("write.lock"));
                }
                if (!empty) {
                    log.warn("The suggestion index in {} holds files but no index: starting afresh", folder);
                }
                return empty;
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!commitData().equals(data)) {
                log.info("The suggestion index in {} was written as {}: building it again", folder, data);
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                reader.numDocs();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("The suggestion index in {} cannot be read ({}): building it again", folder, e.toString());
            return false;
        }
    }

    private void loadMarkers() throws IOException {
        held.clear();
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredFields stored = searcher.storedFields();
            int markers = Math.max(1, searcher.count(new TermQuery(new Term("kind", "source"))));
            for (ScoreDoc hit : searcher.search(new TermQuery(new Term("kind", "source")), markers).scoreDocs) {
                Document doc = stored.document(hit.doc);
                held.computeIfAbsent(Long.parseLong(doc.get("project")), p -> new ConcurrentHashMap<>())
                        .put(Long.parseLong(doc.get("source")), doc.get("sha256"));
            }
        } finally {
            searchers.release(searcher);
        }
    }

    private static Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        data.put(FORMAT_KEY, FORMAT);
        data.put(LUCENE_KEY, Version.LATEST.toString());
        return data;
    }

    private static Document passageDocument(Passage passage) {
        Document doc = new Document();
        doc.add(new StringField("kind", "passage", Field.Store.NO));
        doc.add(new StringField("project", Long.toString(passage.project()), Field.Store.NO));
        doc.add(new StringField("source", Long.toString(passage.source()), Field.Store.YES));
        doc.add(new StoredField("start", passage.start()));
        doc.add(new StoredField("end", passage.end()));
        doc.add(new TextField("text", passage.text(), Field.Store.YES));
        return doc;
    }

    private static Document markerDocument(IndexedSource source) {
        Document doc = new Document();
        doc.add(new StringField("kind", "source", Field.Store.NO));
        doc.add(new StringField("project", Long.toString(source.project()), Field.Store.YES));
        doc.add(new StringField("source", Long.toString(source.id()), Field.Store.YES));
        doc.add(new StoredField("sha256", source.sha256()));
        return doc;
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the suggestion index in {} failed: {}", folder, e.toString());
        } finally {
            searchers = null;
            writer = null;
            directory = null;
        }
    }

    private void wipe() {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The suggestion index in " + folder + " could not be removed", e);
        }
    }
}
