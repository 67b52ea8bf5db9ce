package org.corroborate.search;

import java.util.Map;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate Search's settings, derived from {@link SearchSettings}: switched off unless the engine is
 * {@code lucene}; the Lucene backend with our analyzers and mapping; the index in the data folder.
 *
 * <p>Synchronization {@code read-sync}: a request that writes returns once its changes are visible to
 * searches (the index reader is refreshed), without waiting for the index to be flushed to disk
 * (Hibernate Search commits every second; a crash loses at most that and the start-up check
 * rebuilds). So a write is found by the same person's next request, at little added cost per write.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /** The Lucene index format: the Lucene release this workbench ships. */
    static final String LUCENE_VERSION = "LUCENE_9_12_0";

    @Bean
    HibernatePropertiesCustomizer searchProperties(SearchSettings settings) {
        return properties -> properties.putAll(hibernateSearch(settings));
    }

    static Map<String, Object> hibernateSearch(SearchSettings settings) {
        if (!settings.lucene()) {
            return Map.of("hibernate.search.enabled", "false");
        }
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "hibernate.search.enabled", "true",
                "hibernate.search.backend.lucene_version", LUCENE_VERSION,
                "hibernate.search.backend.analysis.configurer", "class:" + SearchAnalyzers.class.getName(),
                "hibernate.search.mapping.configurer", "class:" + SearchMapping.class.getName(),
                "hibernate.search.indexing.plan.synchronization.strategy", "read-sync"));
        if (settings.inMemory()) {
            properties.put("hibernate.search.backend.directory.type", "local-heap");
        } else {
            properties.put("hibernate.search.backend.directory.type", "local-filesystem");
            properties.put("hibernate.search.backend.directory.root", settings.indexDir().toAbsolutePath().toString());
        }
        return properties;
    }
}
