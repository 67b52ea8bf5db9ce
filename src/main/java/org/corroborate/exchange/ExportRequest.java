package org.corroborate.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.corroborate.review.ReviewState;

/**
 * What to export: the project, the format, the layer, and the filters. Empty filters mean everything:
 * every source of the project, every label, every reviewer's work whatever its review status.
 */
public record ExportRequest(long projectId, ExportFormat format, Layer layer, List<Long> sourceIds,
                            Set<String> labels, Set<ReviewState> statuses) {

    public ExportRequest {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** The name the download gets. */
    public String fileName(Instant at) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(at);
        return "corroborate-" + layer.toString().replaceAll("[^\\p{L}\\p{N}._-]", "-") + "-" + format.id() + "-"
                + stamp + ".zip";
    }
}
