package org.corroborate.exchange;

/**
 * A format a labelled corpus is written in or read from: one class, collected by Spring into
 * {@link CorpusFormats}. It says what it is called and, by the interfaces it implements, whether it
 * exports ({@link ExportFormat}), imports ({@link ImportFormat}) or both; the API's format lists
 * and checks and the Exchange page derive from that alone, so adding a format touches nothing else.
 */
public interface CorpusFormat {

    /** The id used in {@code ?format=}: lower case, one id per format, shared by its export and import. */
    String id();

    /** The name people know the format by. */
    String title();

    /** One sentence on what the format holds and what reads it. */
    String description();

    /** Whether the workbench writes this format. */
    default boolean exports() {
        return this instanceof ExportFormat;
    }

    /** Whether the workbench reads this format. */
    default boolean imports() {
        return this instanceof ImportFormat;
    }
}
