package org.corroborate.claim.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corroborate.claim.nlp.EnglishText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The drift detector: reads each excerpt's words with OpenNLP ({@link EnglishText}), finds its details
 * (counts, ages, dates, durations, people, organisations), lines them up across the excerpts and reports
 * the kinds on which they disagree. Number words are read by ICU ("seventeen" is 17).
 *
 * <p>A {@link Drift}'s values are those of the excerpts that state the compared detail, in excerpt order;
 * an excerpt that states none is not listed. An excerpt is read up to its first
 * {@value #LONGEST_EXCERPT} code points. The details of recently seen excerpt texts are kept, so a claim
 * page shown again costs no model time. Thread-safe.
 */
@Component
public class NlpDriftDetector implements DriftDetector {

    /** Excerpts are annotation spans, usually a sentence or two; beyond this, words are not read. */
    static final int LONGEST_EXCERPT = 4_000;
    private static final int REMEMBERED_TEXTS = 4_096;
    private static final Logger log = LoggerFactory.getLogger(NlpDriftDetector.class);

    private final EnglishText english;
    private final Map<String, List<Detail>> remembered = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Detail>> eldest) {
                    return size() > REMEMBERED_TEXTS;
                }
            });

    public NlpDriftDetector(EnglishText english) {
        this.english = english;
    }

    @Override
    public List<Drift> drift(List<Excerpt> excerpts) {
        if (excerpts.size() < 2) {
            return List.of();
        }
        List<List<Detail>> details = new ArrayList<>(excerpts.size());
        for (Excerpt excerpt : excerpts) {
            details.add(details(excerpt.text()));
        }
        List<Drift> drift = new ArrayList<>();
        number(excerpts, details).ifPresent(drift::add);
        DriftAlignment.byAgreement("age", excerpts, details, NlpDriftDetector::sameValue).ifPresent(drift::add);
        DriftAlignment.byAgreement("date", excerpts, details, DateReader::fit).ifPresent(drift::add);
        DriftAlignment.byAgreement("duration", excerpts, details, NlpDriftDetector::sameValue).ifPresent(drift::add);
        DriftAlignment.byConflict("person", excerpts, details, NlpDriftDetector::sameValue, People::conflict)
                .ifPresent(drift::add);
        DriftAlignment.byConflict("organisation", excerpts, details,
                (a, b) -> Organisations.same(a.value(), b.value()),
                (a, b) -> Organisations.drift(a.value(), b.value())).ifPresent(drift::add);
        return List.copyOf(drift);
    }

    private static Optional<Drift> number(List<Excerpt> excerpts, List<List<Detail>> details) {
        return DriftAlignment.byKey("number", excerpts, details, NlpDriftDetector::sameValue);
    }

    private static boolean sameValue(Detail a, Detail b) {
        return a.value().equals(b.value());
    }

    /** The details of one excerpt text; none for blank text or text the readers cannot make sense of. */
    List<Detail> details(String text) {
        String read = text == null ? "" : clip(text);
        if (read.isBlank()) {
            return List.of();
        }
        List<Detail> known = remembered.get(read);
        if (known != null) {
            return known;
        }
        List<Detail> found;
        try {
            found = read(read);
        } catch (RuntimeException e) {
            // Odd text must never break a claim page: such an excerpt simply states no details.
            log.debug("Could not read details of an excerpt of {} characters", read.length(), e);
            found = List.of();
        }
        remembered.put(read, found);
        return found;
    }

    private List<Detail> read(String text) {
        List<Word> words = Word.of(english.tokens(text));
        boolean[] taken = new boolean[words.size()];
        List<Detail> details = new ArrayList<>(DateReader.read(words, taken));
        details.addAll(QuantityReader.read(words, taken));
        details.addAll(NameReader.read(words, taken));
        return List.copyOf(details);
    }

    private static String clip(String text) {
        if (text.codePointCount(0, text.length()) <= LONGEST_EXCERPT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, LONGEST_EXCERPT));
    }
}
