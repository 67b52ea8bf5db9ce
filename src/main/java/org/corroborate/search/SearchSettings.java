package org.corroborate.search;

import java.nio.file.Path;
import java.util.Locale;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which search engine this node uses and where its index lives, from the settings
 * (docs/operations.md, "Search"):
 *
 * <ul>
 *   <li>{@code workbench.search.engine}: {@code auto} (the default: {@code postgres} when the datasource
 *       is PostgreSQL, else {@code lucene}), {@code lucene} or {@code postgres}. Anything else stops the
 *       start with a message.</li>
 *   <li>{@code workbench.search.index-dir}: the Lucene index folder, by default
 *       {@code ${workbench.data-dir}/search-index}. An in-memory H2 database ({@code jdbc:h2:mem:}, the
 *       tests) gets an in-memory index too: a folder would outlive the data it indexes.</li>
 * </ul>
 */
@Component
public class SearchSettings {

    /** Hibernate Search's Lucene backend, an index under the data folder. */
    public static final String LUCENE = "lucene";
    /** PostgreSQL full-text search. */
    public static final String POSTGRES = "postgres";

    private final String engine;
    private final Path indexDir;
    private final boolean inMemory;

    public SearchSettings(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        String configured = environment.getProperty("workbench.search.engine", "auto").trim().toLowerCase(Locale.ROOT);
        this.engine = switch (configured) {
            case "auto", "" -> url.startsWith("jdbc:postgresql:") ? POSTGRES : LUCENE;
            case LUCENE, POSTGRES -> configured;
            default -> throw new IllegalStateException("workbench.search.engine=" + configured
                    + " is not an engine: use auto, lucene or postgres.");
        };
        String dir = environment.getProperty("workbench.search.index-dir");
        this.indexDir = dir == null || dir.isBlank()
                ? Path.of(environment.getProperty("workbench.data-dir", "./data"), "search-index")
                : Path.of(dir);
        this.inMemory = url.startsWith("jdbc:h2:mem:");
    }

    /** The active engine: {@value #LUCENE} or {@value #POSTGRES}. */
    public String engine() {
        return engine;
    }

    /** Whether Hibernate Search (the Lucene engine) runs on this node. */
    public boolean lucene() {
        return LUCENE.equals(engine);
    }

    /** The Lucene index folder (unused when {@link #inMemory()}). */
    public Path indexDir() {
        return indexDir;
    }

    /** Whether the Lucene index is kept in memory (the database is in memory too). */
    public boolean inMemory() {
        return inMemory;
    }
}
