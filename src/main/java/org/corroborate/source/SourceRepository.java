package org.corroborate.source;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SourceRepository extends JpaRepository<Source, Long> {

    Optional<Source> findByProjectIdAndSha256(Long projectId, String sha256);

    /** One source's metadata, without loading its text. */
    @Query("""
            select new org.corroborate.source.SourceSummary(s.id, s.title, s.publisher, s.author, s.url, s.published,
              s.retrieved, s.language, s.originFileName, s.importedBy, s.importedAt, s.sha256, s.lengthCodePoints,
              s.blind, s.version, s.projectId, s.mediaType, s.originalSha256, s.pageStarts)
            from Source s where s.id = :id""")
    Optional<SourceSummary> findSummary(Long id);

    /** The metadata of every source in these projects, newest first, without loading any text. */
    @Query("""
            select new org.corroborate.source.SourceSummary(s.id, s.title, s.publisher, s.author, s.url, s.published,
              s.retrieved, s.language, s.originFileName, s.importedBy, s.importedAt, s.sha256, s.lengthCodePoints,
              s.blind, s.version, s.projectId, s.mediaType, s.originalSha256, s.pageStarts)
            from Source s where s.projectId in :projects order by s.importedAt desc, s.id desc""")
    List<SourceSummary> findSummaries(Collection<Long> projects);

    /** The metadata of these sources (ids that do not exist are left out), without loading any text. */
    @Query("""
            select new org.corroborate.source.SourceSummary(s.id, s.title, s.publisher, s.author, s.url, s.published,
              s.retrieved, s.language, s.originFileName, s.importedBy, s.importedAt, s.sha256, s.lengthCodePoints,
              s.blind, s.version, s.projectId, s.mediaType, s.originalSha256, s.pageStarts)
            from Source s where s.id in :ids""")
    List<SourceSummary> findSummariesById(Collection<Long> ids);

    @Query("select s.projectId from Source s where s.id = :id")
    Optional<Long> findProjectId(Long id);

    long countByProjectId(Long projectId);
}
