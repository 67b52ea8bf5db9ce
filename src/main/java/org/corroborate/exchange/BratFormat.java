package org.corroborate.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.corroborate.base.CodePoints;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.springframework.stereotype.Component;

/**
 * brat standoff, zipped: {@code annotation.conf} for the scheme, and per source {@code NAME.txt}
 * (the text) and {@code NAME.ann} with T lines (id, label, start and end in code points, the covered
 * text), attribute values as A lines and notes as # lines.
 */
@Component
class BratFormat implements ExportFormat {

    private final SchemeService schemes;

    BratFormat(SchemeService schemes) {
        this.schemes = schemes;
    }

    @Override
    public String id() {
        return "brat";
    }

    @Override
    public String title() {
        return "brat standoff";
    }

    @Override
    public String description() {
        return "A .txt and an .ann per source and an annotation.conf for the scheme, as brat and INCEpTION read them.";
    }

    @Override
    public SourceWriter open(ExportArchive archive) throws IOException {
        entry(archive, "annotation.conf", configuration());
        return new SourceWriter() {
            @Override
            public void write(ExportedSource source) throws IOException {
                String name = "source-" + source.source().id();
                entry(archive, name + ".txt", source.text());
                entry(archive, name + ".ann", standoff(source));
            }

            @Override
            public void finish() {
                // Each file was complete when written.
            }
        };
    }

    private String configuration() {
        LabelScheme scheme = schemes.current();
        StringBuilder conf = new StringBuilder("# ").append(scheme.name()).append(' ').append(scheme.version())
                .append("\n[entities]\n");
        scheme.labels().forEach(l -> conf.append(l.name()).append('\n'));
        conf.append("[relations]\n[events]\n[attributes]\n");
        scheme.labels().forEach(l -> l.attributes().forEach(a ->
                conf.append(a.name()).append("\tArg:").append(l.name()).append('\n')));
        return conf.toString();
    }

    /** brat counts characters of the .txt; this writes code point offsets, as every export does. */
    private static String standoff(ExportedSource source) {
        CodePoints text = new CodePoints(source.text());
        StringBuilder ann = new StringBuilder();
        int t = 0;
        int a = 0;
        int n = 0;
        for (ExportedSpan span : source.spans()) {
            String id = "T" + (++t);
            String covered = text.substring(span.start(), span.end()).replace('\n', ' ');
            ann.append(id).append('\t').append(span.label()).append(' ').append(span.start()).append(' ')
                    .append(span.end()).append('\t').append(covered).append('\n');
            for (var attribute : span.attributes().entrySet()) {
                ann.append('A').append(++a).append('\t').append(attribute.getKey()).append(' ').append(id).append(' ')
                        .append(attribute.getValue().replace(' ', '_').replace('\t', '_').replace('\n', '_'))
                        .append('\n');
            }
            String note = "author=" + span.author() + " span=" + span.id()
                    + (span.note() == null ? "" : " note=" + span.note().replace('\n', ' ').replace('\t', ' '));
            ann.append("#").append(++n).append("\tAnnotatorNotes ").append(id).append('\t').append(note).append('\n');
        }
        return ann.toString();
    }

    private static void entry(ExportArchive archive, String name, String content) throws IOException {
        archive.file(name).write(content.getBytes(StandardCharsets.UTF_8));
    }
}
