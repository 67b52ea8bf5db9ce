package org.corroborate.base;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The workbench's own settings, under {@code workbench.*}.
 *
 * @param dataDir where the H2 files live
 * @param demo whether demo accounts and the demo corpus are loaded into an empty database
 * @param annotationsDir folder holding scheme.json and corpus/; empty means the copy inside the application
 * @param admin the first administrator, created on an empty database outside demo mode
 * @param sources limits on imported sources
 * @param exchange limits on imported corpora
 * @param api limits on API request bodies
 */
@ConfigurationProperties("workbench")
public record WorkbenchProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean demo,
        Path annotationsDir,
        @DefaultValue Admin admin,
        @DefaultValue Sources sources,
        @DefaultValue Exchange exchange,
        @DefaultValue Api api) {

    /** The first administrator's account; the password has no default on purpose. */
    public record Admin(@DefaultValue("admin") String username, String password) {}

    /**
     * Limits on what may be imported as a source: each file (or JSON text), and all the files of one
     * multi-file import together, which are held in memory while they are stored all or none.
     */
    public record Sources(@DefaultValue("5MB") DataSize maxFileSize,
                          @DefaultValue("50MB") DataSize maxImportSize) {}

    /**
     * The largest body (JSON and other non-multipart bodies) any API endpoint reads, except a corpus
     * import, which has its own limit; a larger one is refused with 413 before it is read.
     */
    public record Api(@DefaultValue("16MB") DataSize maxBodySize) {}

    /**
     * Limits on an imported corpus: the upload's size, and the most its zip may hold unpacked and
     * how many files, so a zip bomb is refused before it fills memory; and how long an import waits
     * for the one before it (only one runs at a time) before it is refused.
     */
    public record Exchange(@DefaultValue("100MB") DataSize maxImportSize,
                           @DefaultValue("400MB") DataSize maxUnpackedSize,
                           @DefaultValue("50000") int maxFiles,
                           @DefaultValue("30s") Duration importWait) {}
}
