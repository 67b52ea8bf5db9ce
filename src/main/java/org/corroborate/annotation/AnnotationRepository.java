package org.corroborate.annotation;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnnotationRepository extends JpaRepository<Annotation, Long> {

    @Query("select a from Annotation a where a.sourceId = :sourceId order by a.start, a.end, a.id")
    List<Annotation> findBySource(Long sourceId);

    @Query("""
            select a from Annotation a where a.sourceId = :sourceId and a.author in :authors
            order by a.start, a.end, a.id""")
    List<Annotation> findBySourceAndAuthors(Long sourceId, Collection<String> authors);

    /** The annotation, its row locked until the transaction ends (so it is not deleted under a verdict). */
    @org.springframework.data.jpa.repository.Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Annotation a where a.id = :id")
    Optional<Annotation> findLocked(Long id);

    /** The attribute maps of a project's annotations that hold any value, for suggesting values already used there. */
    @Query("select a.attributes from Annotation a where a.projectId = :projectId and a.attributes <> '{}'")
    List<Map<String, String>> usedAttributes(Long projectId);

    /** The same, of one author's annotations in the project. */
    @Query("select a.attributes from Annotation a where a.projectId = :projectId and a.author = :author "
            + "and a.attributes <> '{}'")
    List<Map<String, String>> usedAttributesOf(Long projectId, String author);

    /**
     * The attribute maps of a project's annotations that hold any value, leaving out colleagues'
     * annotations on the given sources (blind sources the caller may not yet read colleagues' work on).
     */
    @Query("select a.attributes from Annotation a where a.projectId = :projectId and a.attributes <> '{}' "
            + "and (a.author = :author or a.sourceId not in :hidden)")
    List<Map<String, String>> usedAttributesOutside(Long projectId, String author, Collection<Long> hidden);

    /** How many of a project's annotations carry each label: {@code [label, count]} rows. */
    @Query("select a.label, count(a) from Annotation a where a.projectId = :projectId group by a.label")
    List<Object[]> countLabels(Long projectId);

    /** The label and attribute values of a project's annotations that hold any: {@code [label, attributes]} rows. */
    @Query("select a.label, a.attributes from Annotation a where a.projectId = :projectId and a.attributes <> '{}'")
    List<Object[]> labelledAttributes(Long projectId);

    @Query("select a from Annotation a where a.projectId = :projectId and a.label in :labels order by a.id")
    List<Annotation> findByProjectAndLabels(Long projectId, Collection<String> labels);

    /** Every annotation of a project as source, author, label and span: for agreement, without texts or entities. */
    @Query("""
            select new org.corroborate.annotation.AnnotationSpan(a.sourceId, a.author, a.label, a.start, a.end)
            from Annotation a where a.projectId = :projectId""")
    List<AnnotationSpan> spansOf(Long projectId);

    /**
     * Puts a deleted annotation's row back under its own id (the identity column takes a given
     * value): only {@link AnnotationService#restore} calls it, which then fills in the rest (what may
     * be null: note, provenance) through the entity and saves it, so that its version and history move on.
     */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            insert into annotation (id, source_id, project_id, start_offset, end_offset, label, attributes, author,
                created_at, modified_at, covered_text, context_before, context_after, scheme_version, version)
            values (:id, :sourceId, :projectId, :start, :end, :label, '{}', :author, :createdAt, :createdAt,
                :coveredText, :contextBefore, :contextAfter, :schemeVersion, :version)""", nativeQuery = true)
    void insertWithId(long id, long sourceId, long projectId, int start, int end, String label, String author,
                      java.time.Instant createdAt, String coveredText, String contextBefore, String contextAfter,
                      int schemeVersion, long version);
}
