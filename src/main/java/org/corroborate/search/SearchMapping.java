package org.corroborate.search;

import java.util.Map;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.bridge.PropertyBridge;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.PropertyBridgeWriteContext;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.hibernate.search.mapper.pojo.model.PojoElementAccessor;

/**
 * What the Lucene index holds, declared here (Hibernate Search's programmatic mapping) rather than with
 * annotations on the entities, so that the whole of search lives in this package and {@code source}
 * and {@code annotation} stay unaware of it. The entities are named by class name because they are
 * package-private in their features.
 *
 * <p>Index {@value #SOURCE_INDEX} (one document per source): {@code source} (its id, long, aggregable),
 * {@code project}, {@code published} (date), and each of {@code text}, {@code title}, {@code publisher},
 * {@code author}, {@code url} twice: stemmed ({@link SearchAnalyzers#ENGLISH}) under its name, and
 * unstemmed ({@link SearchAnalyzers#PLAIN}) under {@code NAME_plain} for prefixes.
 *
 * <p>Index {@value #ANNOTATION_INDEX} (one per annotation): {@code annotation} (its id), {@code project},
 * {@code source} (aggregable), {@code label} and {@code author} (exact keywords, aggregable),
 * {@code source_author} ({@code "SOURCE_ID/USERNAME"}, to filter on the author's review status on the
 * source), {@code attribute} ({@code "name=value"}, exact), {@code created}, and the texts
 * {@code covered}, {@code note}, {@code label_text}, {@code attributes} (values) stemmed and
 * {@code _plain}. Verdicts, decisions and review statuses are not copied into the index: they change on
 * other entities, so {@link LuceneSearchEngine} reads them at query time (always current, no
 * reindexing when a supervisor decides).
 *
 * <p>Bump {@link #VERSION} whenever this mapping changes, so that an index built by an older mapping is
 * detected as outdated and rebuilt.
 */
public final class SearchMapping implements HibernateOrmSearchMappingConfigurer {

    /** The mapping's version, for the index marker: bump on every change to the fields. */
    public static final int VERSION = 1;
    public static final String SOURCE_INDEX = "source";
    public static final String ANNOTATION_INDEX = "annotation";
    public static final String SOURCE_ENTITY = "org.corroborate.source.Source";
    public static final String ANNOTATION_ENTITY = "org.corroborate.annotation.Annotation";

    /** The source index's text fields, searched for words and phrases (each also has {@code _plain}). */
    static final String[] SOURCE_TEXT = {"text", "title", "publisher", "author", "url"};
    /** The annotation index's text fields (each also has {@code _plain}). */
    static final String[] ANNOTATION_TEXT = {"covered", "note", "label_text", "attributes"};

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();

        TypeMappingStep source = mapping.type(entity(SOURCE_ENTITY));
        source.indexed().index(SOURCE_INDEX);
        source.property("id").genericField("source").aggregable(Aggregable.YES);
        source.property("projectId").genericField("project");
        source.property("published").genericField("published");
        source.property("text").fullTextField("text").analyzer(SearchAnalyzers.ENGLISH)
                .fullTextField("text_plain").analyzer(SearchAnalyzers.PLAIN);
        for (String name : new String[] {"title", "publisher", "author", "url"}) {
            source.property(name).fullTextField(name).analyzer(SearchAnalyzers.ENGLISH)
                    .fullTextField(name + "_plain").analyzer(SearchAnalyzers.PLAIN);
        }

        TypeMappingStep annotation = mapping.type(entity(ANNOTATION_ENTITY));
        annotation.indexed().index(ANNOTATION_INDEX);
        annotation.binder(new SourceAuthorBinder());
        annotation.property("id").genericField("annotation");
        annotation.property("projectId").genericField("project");
        annotation.property("sourceId").genericField("source").aggregable(Aggregable.YES);
        annotation.property("label").keywordField("label").aggregable(Aggregable.YES)
                .fullTextField("label_text").analyzer(SearchAnalyzers.ENGLISH)
                .fullTextField("label_text_plain").analyzer(SearchAnalyzers.PLAIN);
        annotation.property("author").keywordField("author").aggregable(Aggregable.YES);
        annotation.property("createdAt").genericField("created");
        annotation.property("coveredText").fullTextField("covered").analyzer(SearchAnalyzers.ENGLISH)
                .fullTextField("covered_plain").analyzer(SearchAnalyzers.PLAIN);
        annotation.property("note").fullTextField("note").analyzer(SearchAnalyzers.ENGLISH)
                .fullTextField("note_plain").analyzer(SearchAnalyzers.PLAIN);
        annotation.property("attributes").binder(new AttributesBinder());
    }

    private static Class<?> entity(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The search mapping names an entity that does not exist: " + name, e);
        }
    }

    /** An annotation's attribute values: {@code attribute} ("name=value", exact) and their words. */
    private static final class AttributesBinder implements PropertyBinder {
        @Override
        public void bind(PropertyBindingContext context) {
            context.dependencies().useRootOnly();
            var schema = context.indexSchemaElement();
            IndexFieldReference<String> exact = schema.field("attribute",
                    f -> f.asString().searchable(Searchable.YES)).multiValued().toReference();
            IndexFieldReference<String> words = schema.field("attributes",
                    f -> f.asString().analyzer(SearchAnalyzers.ENGLISH)).multiValued().toReference();
            IndexFieldReference<String> plain = schema.field("attributes_plain",
                    f -> f.asString().analyzer(SearchAnalyzers.PLAIN)).multiValued().toReference();
            context.bridge(Map.class, new PropertyBridge<Map>() {
                @Override
                public void write(DocumentElement target, Map bridged, PropertyBridgeWriteContext ignored) {
                    if (bridged == null) {
                        return;
                    }
                    for (Object entry : bridged.entrySet()) {
                        Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
                        if (e.getValue() == null) {
                            continue;
                        }
                        String value = e.getValue().toString();
                        target.addValue(exact, e.getKey() + "=" + value);
                        target.addValue(words, value);
                        target.addValue(plain, value);
                    }
                }
            });
        }
    }

    /** {@code source_author}: the annotation's source and author, to join the author's review status. */
    private static final class SourceAuthorBinder implements TypeBinder {
        @Override
        public void bind(TypeBindingContext context) {
            PojoElementAccessor<Long> sourceId = context.bridgedElement().property("sourceId").createAccessor(Long.class);
            PojoElementAccessor<String> author = context.bridgedElement().property("author").createAccessor(String.class);
            IndexFieldReference<String> field = context.indexSchemaElement()
                    .field("source_author", f -> f.asString()).toReference();
            context.bridge(new TypeBridge<Object>() {
                @Override
                public void write(DocumentElement target, Object bridged, TypeBridgeWriteContext ignored) {
                    target.addValue(field, sourceAuthor(sourceId.read(bridged), author.read(bridged)));
                }
            });
        }
    }

    /** The {@code source_author} value of an annotation. */
    static String sourceAuthor(long sourceId, String author) {
        return sourceId + "/" + author;
    }
}
