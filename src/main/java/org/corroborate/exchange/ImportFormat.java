package org.corroborate.exchange;

import java.util.List;

/**
 * A format a corpus can be imported from (see {@link CorpusFormat} for what every format declares).
 * Each reads the upload's files into sources with their spans; a malformed file is refused with a
 * message naming the file and the line. Reading changes nothing: {@link ImportService} writes, all
 * or nothing.
 */
public interface ImportFormat extends CorpusFormat {

    /**
     * What an upload in this format may be, as an HTML {@code accept} attribute lists it: file name
     * extensions with their dot ({@code ".zip"}) and media types ({@code "application/zip"}). The
     * Exchange page lets only these through; the API reads whatever it is sent and lets
     * {@link #read} judge it.
     */
    List<String> fileTypes();

    List<ImportedSource> read(ImportFiles files);
}
