package org.corroborate.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * CoNLL-2003 style BIO: one token per line, {@code TOKEN -X- _ TAG} (the corpus's four columns,
 * with no part-of-speech or chunk tags), a blank line between sentences and
 * {@code -DOCSTART- -X- -X- O} before each source. Tokens come from {@link ConllTokenizer}.
 *
 * <p>BIO holds one flat layer of whole tokens, so each annotator's spans become a file of their
 * own ({@code gold.conll} for the gold layer, {@code NAME.conll} per reviewer), holding the sources
 * where that layer has spans. Spans BIO cannot hold (boundaries inside a token, overlaps with a
 * span already tagged, no token at all) are left out and listed in the manifest with the reason.
 * Each file is assembled in a temporary file, so memory stays flat.
 */
@Component
class ConllFormat implements ExportFormat {

    static final String DOCSTART = "-DOCSTART- -X- -X- O";

    @Override
    public String id() {
        return "conll";
    }

    @Override
    public String title() {
        return "CoNLL-2003 (BIO)";
    }

    @Override
    public String description() {
        return "One token per line with B-/I-/O tags, one file per annotator, for sequence-labelling training; "
                + "spans BIO cannot hold are listed in skipped.csv and counted in the manifest.";
    }

    @Override
    public SourceWriter open(ExportArchive archive) {
        return new SourceWriter() {
            private final Map<String, LayerFile> files = new TreeMap<>();

            @Override
            public void write(ExportedSource source) throws IOException {
                Map<String, List<ExportedSpan>> byLayer = new TreeMap<>();
                for (ExportedSpan span : source.spans()) {
                    byLayer.computeIfAbsent(span.gold() != null ? "gold" : span.author(), k -> new ArrayList<>())
                            .add(span);
                }
                if (byLayer.isEmpty()) {
                    return;
                }
                List<ConllTokenizer.Token> tokens = ConllTokenizer.tokenize(source.text());
                for (var layer : byLayer.entrySet()) {
                    String[] tags = tags(archive, source, tokens, layer.getValue());
                    LayerFile file = files.computeIfAbsent(layer.getKey(), LayerFile::create);
                    file.document(source.source().id(), tokens, tags);
                }
            }

            @Override
            public void finish() throws IOException {
                // Every name is chosen before the first file starts. Names that are file names as they
                // are (ann_lee) keep them; the others (ann lee, ann/lee) take what is left (ann_lee-2).
                Map<String, String> names = new HashMap<>();
                files.keySet().stream().filter(layer -> isFileName(layer))
                        .forEach(layer -> names.put(layer, archive.uniqueName(layer, ".conll")));
                files.keySet().stream().filter(layer -> !isFileName(layer))
                        .forEach(layer -> names.put(layer, archive.uniqueName(layer, ".conll")));
                for (var file : files.entrySet()) {
                    file.getValue().writer.close();
                    try (OutputStream out = archive.file(names.get(file.getKey()), file.getValue().documents,
                            file.getKey())) {
                        Files.copy(file.getValue().path, out);
                    }
                }
            }

            @Override
            public void close() throws IOException {
                for (LayerFile file : files.values()) {
                    file.writer.close();
                    Files.deleteIfExists(file.path);
                }
            }
        };
    }

    /** The BIO tag of each token for one layer's spans; what cannot be tagged is reported to the archive. */
    static String[] tags(ExportArchive archive, ExportedSource source, List<ConllTokenizer.Token> tokens,
                         List<ExportedSpan> spans) {
        Map<Integer, Integer> startsAt = new HashMap<>();
        Map<Integer, Integer> endsAt = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            startsAt.put(tokens.get(i).start(), i);
            endsAt.put(tokens.get(i).end(), i);
        }
        String[] tags = new String[tokens.size()];
        String[] holder = new String[tokens.size()];
        List<ExportedSpan> ordered = new ArrayList<>(spans);
        // Earlier spans first and, from one start, the longer: the outer span of a nest is the one kept.
        ordered.sort(Comparator.comparingInt(ExportedSpan::start).thenComparing(ExportedSpan::end,
                Comparator.reverseOrder()));
        for (ExportedSpan span : ordered) {
            Integer first = startsAt.get(span.start());
            Integer last = endsAt.get(span.end());
            String reason = null;
            String detail = null;
            if (first == null && last == null && !coversAnyToken(tokens, span)) {
                reason = "covers no token";
                detail = "only whitespace";
            } else if (first == null) {
                reason = "does not start where a token starts";
                detail = "at code point " + span.start();
            } else if (last == null) {
                reason = "does not end where a token ends";
                detail = "at code point " + span.end();
            } else {
                for (int i = first; i <= last && reason == null; i++) {
                    if (holder[i] != null) {
                        reason = "overlaps a span already tagged";
                        detail = "span " + holder[i];
                    }
                }
            }
            if (reason != null) {
                archive.skipped(source, span, reason, detail);
                continue;
            }
            // IOB2 has no phrase across a sentence end: a span over a line end is split there, each
            // part a phrase of its own starting with B-, and the split reported.
            int phrases = 1;
            for (int i = first; i <= last; i++) {
                boolean begins = i == first || tokens.get(i).sentenceStart();
                if (begins && i != first) {
                    phrases++;
                }
                tags[i] = (begins ? "B-" : "I-") + span.label();
                holder[i] = span.id();
            }
            if (phrases > 1) {
                archive.adjusted(source, span, "split at sentence ends (line breaks) into phrases",
                        phrases + " phrases");
            }
        }
        return tags;
    }

    private static boolean coversAnyToken(List<ConllTokenizer.Token> tokens, ExportedSpan span) {
        return tokens.stream().anyMatch(t -> t.start() < span.end() && span.start() < t.end());
    }

    private static boolean isFileName(String layer) {
        return layer.matches("[\\p{L}\\p{N}_-][\\p{L}\\p{N}._-]{0,99}");
    }

    /** One layer's file, assembled on disk while the export runs. */
    private record LayerFile(Path path, BufferedWriter writer, List<Long> documents) {

        static LayerFile create(String layer) {
            try {
                Path path = Files.createTempFile("corroborate-conll-", ".conll");
                return new LayerFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8), new ArrayList<>());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void document(long sourceId, List<ConllTokenizer.Token> tokens, String[] tags) throws IOException {
            documents.add(sourceId);
            writer.write(DOCSTART);
            writer.write("\n\n");
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).sentenceStart() && i > 0) {
                    writer.write('\n');
                }
                writer.write(tokens.get(i).text());
                writer.write(" -X- _ ");
                writer.write(tags[i] == null ? "O" : tags[i]);
                writer.write('\n');
            }
            writer.write('\n');
        }
    }
}
