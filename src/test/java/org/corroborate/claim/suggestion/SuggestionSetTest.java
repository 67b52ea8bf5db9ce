package org.corroborate.claim.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.corroborate.claim.nlp.EnglishText;
import org.corroborate.source.SourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranking on the labelled set: passages that carry a query's claim in other words (numbers spelt
 * out, synonyms, another order) are among the first five. The benchmark prints the same figure over
 * 10,000 sources; this keeps the ranking from getting worse unnoticed.
 */
class SuggestionSetTest {

    @TempDir
    Path folder;

    @Test
    void recallAtFiveOnTheLabelledSetIsAtLeastEightyPercent() {
        SuggestionSet set = SuggestionSet.load();
        List<String> keys = set.sources().stream().map(SuggestionSet.SetSource::id).toList();
        try (PassageIndex index = new PassageIndex(folder, new Passages(new EnglishText()))) {
            List<PassageIndex.IndexedSource> sources = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String text = set.sources().get(i).text();
                sources.add(new PassageIndex.IndexedSource(1, i, SourceText.sha256(text), text));
            }
            index.add(sources);
            double recall = set.recall(query -> {
                List<SuggestionSet.Found> found = index.search(1, keys.indexOf(query.source()), query.quote(), "", 5)
                        .stream().map(p -> new SuggestionSet.Found(keys.get((int) p.source()), p.start(), p.end()))
                        .toList();
                query.relevant().stream().filter(r -> found.stream().noneMatch(f -> set.matches(r, f)))
                        .forEach(r -> System.out.printf("Missed for \"%s\": %s%n", query.quote(), r.quote()));
                return found;
            });
            System.out.printf("Suggestion set (%s): recall@5 %.2f%n", set.size(), recall);
            assertThat(recall).isGreaterThanOrEqualTo(0.8);
        }
    }
}
