package org.corroborate.exchange;

import java.util.List;

/**
 * A format a corpus can be imported from. Each reads the upload's files into sources with their
 * spans; a malformed file is refused with a message naming the file and the line. Reading changes
 * nothing: {@link ImportService} writes, all or nothing.
 */
public interface ImportFormat {

    /** The id used in {@code ?format=}, the same as the export format's. */
    String id();

    List<ImportedSource> read(ImportFiles files);
}
