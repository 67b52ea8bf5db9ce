package org.corroborate.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.corroborate.base.WorkbenchException;
import org.springframework.stereotype.Component;

/**
 * The registry of corpus formats: every {@link CorpusFormat} bean, by id, split into those that
 * export and those that import. Two formats of one direction with one id stop the start-up.
 */
@Component
public class CorpusFormats {

    private final Map<String, ExportFormat> exporting = new TreeMap<>();
    private final Map<String, ImportFormat> importing = new TreeMap<>();

    CorpusFormats(List<CorpusFormat> formats) {
        for (CorpusFormat format : formats) {
            if (format instanceof ExportFormat export) {
                register(exporting, export);
            }
            if (format instanceof ImportFormat reader) {
                register(importing, reader);
            }
        }
    }

    private static <F extends CorpusFormat> void register(Map<String, F> formats, F format) {
        F other = formats.putIfAbsent(format.id(), format);
        if (other != null) {
            throw new IllegalStateException("Two formats have the id '" + format.id() + "': "
                    + other.getClass().getName() + " and " + format.getClass().getName());
        }
    }

    /** The formats the corpus can be exported in, by id. */
    public List<ExportFormat> exporting() {
        return List.copyOf(exporting.values());
    }

    /** The formats a corpus can be imported from, by id. */
    public List<ImportFormat> importing() {
        return List.copyOf(importing.values());
    }

    /** The export format with this id (in any case), or a refusal naming the ones there are. */
    public ExportFormat exporter(String id) {
        ExportFormat format = exporting.get(normal(id));
        if (format == null) {
            throw WorkbenchException.badInput("Unknown format '" + id + "': use one of " + exporting.keySet() + ".");
        }
        return format;
    }

    /** The import format with this id (in any case), or a refusal naming the ones there are. */
    public ImportFormat importer(String id) {
        ImportFormat format = importing.get(normal(id));
        if (format == null) {
            throw WorkbenchException.badInput("Unknown import format '" + id + "': use one of "
                    + importing.keySet() + ".");
        }
        return format;
    }

    private static String normal(String id) {
        return id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    }
}
