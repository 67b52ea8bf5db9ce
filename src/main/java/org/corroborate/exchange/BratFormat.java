package org.corroborate.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corroborate.annotation.ImportedAnnotation;
import org.corroborate.base.CodePoints;
import org.corroborate.base.WorkbenchException;
import org.corroborate.scheme.AttributeType;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceDraft;
import org.springframework.stereotype.Component;

/**
 * brat standoff, zipped: {@code annotation.conf} for the scheme, and per source {@code NAME.txt}
 * (the text) and {@code NAME.ann} with T lines (id, label, start and end in code points, the covered
 * text), attribute values as A lines and notes as # lines.
 */
@Component
class BratFormat implements ExportFormat, ImportFormat {

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

    /** A .txt needs its .ann beside it, so brat files come zipped. */
    @Override
    public List<String> fileTypes() {
        return List.of(".zip");
    }

    @Override
    public SourceWriter open(ExportArchive archive) throws IOException {
        return new SourceWriter() {
            private Long projectId;
            /** Every label and attribute the exported spans carry, for annotation.conf. */
            private final Map<String, Set<String>> used = new TreeMap<>();

            @Override
            public void write(ExportedSource source) throws IOException {
                if (projectId == null) {
                    projectId = source.source().project();
                }
                String name = "source-" + source.source().id();
                source.spans().forEach(span -> used.computeIfAbsent(span.label(), l -> new TreeSet<>())
                        .addAll(span.attributes().keySet()));
                entry(archive, name + ".txt", source.text());
                entry(archive, name + ".ann", standoff(source));
            }

            @Override
            public void finish() throws IOException {
                // Written last, when every span is known: the scheme covers them all.
                entry(archive, "annotation.conf", configuration(projectId == null ? schemes.template()
                        : schemes.current(projectId), used));
            }
        };
    }

    /**
     * The project's current scheme, archived labels included, and every label and attribute the
     * exported spans carry that it lacks (made under an earlier version), so brat can show every span.
     */
    static String configuration(LabelScheme scheme, Map<String, Set<String>> used) {
        StringBuilder conf = new StringBuilder("# ").append(scheme.name()).append(' ').append(scheme.version())
                .append("\n[entities]\n");
        scheme.labels().forEach(l -> conf.append(l.name()).append('\n'));
        used.keySet().stream().filter(l -> scheme.label(l).isEmpty()).forEach(l -> conf.append(l).append('\n'));
        conf.append("[relations]\n[events]\n[attributes]\n");
        Map<String, List<String>> undeclared = new TreeMap<>();
        scheme.labels().forEach(l -> l.attributes().forEach(a -> {
            conf.append(a.name()).append("\tArg:").append(l.name());
            List<String> values = a.attributeType().allowedValues(a);
            if (!values.isEmpty()) {
                conf.append(", Value:").append(String.join("|", values));
            }
            conf.append('\n');
        }));
        used.forEach((label, names) -> names.forEach(name -> {
            if (scheme.label(label).flatMap(l -> l.attribute(name)).isEmpty()) {
                undeclared.computeIfAbsent(name, n -> new ArrayList<>()).add(label);
            }
        }));
        undeclared.forEach((name, labels) -> conf.append(name).append("\tArg:")
                .append(String.join("|", labels)).append('\n'));
        return conf.toString();
    }

    /**
     * brat counts characters of the .txt; this writes code point offsets, as every export does.
     * Attribute values are tokens, written as their {@link AttributeType} says.
     */
    private String standoff(ExportedSource source) {
        LabelScheme scheme = schemes.current(source.source().project());
        CodePoints text = new CodePoints(source.text());
        StringBuilder ann = new StringBuilder();
        int t = 0;
        int a = 0;
        int n = 0;
        for (ExportedSpan span : source.spans()) {
            String id = "T" + (++t);
            String covered = text.substring(span.start(), span.end()).replace('\n', ' ').replace('\t', ' ');
            ann.append(id).append('\t').append(span.label()).append(' ').append(span.start()).append(' ')
                    .append(span.end()).append('\t').append(covered).append('\n');
            for (var attribute : span.attributes().entrySet()) {
                ann.append('A').append(++a).append('\t').append(attribute.getKey()).append(' ').append(id).append(' ')
                        .append(type(scheme, span.label(), attribute.getKey()).token(attribute.getValue()))
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

    /** The type of a label's attribute; free text for what the scheme does not know (the import refuses it later). */
    private static AttributeType type(LabelScheme scheme, String label, String attribute) {
        return scheme.label(label).flatMap(l -> l.attribute(attribute)).map(LabelScheme.Attribute::attributeType)
                .orElseGet(AttributeType::defaultType);
    }

    private static final Pattern OUR_NOTE = Pattern.compile("^author=(\\S+) span=(\\S+)(?: note=(.*))?$");

    /**
     * Reads {@code NAME.txt} with {@code NAME.ann} pairs: T lines (contiguous spans), A lines as
     * attributes, AnnotatorNotes as notes (ours also carry the author and span id). Relations,
     * events and other lines the workbench has no place for are reported as ignored.
     */
    @Override
    public List<ImportedSource> read(ImportFiles files) {
        List<String> texts = files.endingWith(".txt");
        if (texts.isEmpty()) {
            throw WorkbenchException.badInput("The upload holds no .txt file; brat imports read "
                    + "NAME.txt with NAME.ann, zipped.");
        }
        for (String ann : files.endingWith(".ann")) {
            if (!files.has(ann.substring(0, ann.length() - 4) + ".txt")) {
                throw ImportFiles.malformed(ann, 0, "there is no " + ann.substring(0, ann.length() - 4)
                        + ".txt beside it.");
            }
        }
        List<ImportedSource> sources = new ArrayList<>();
        for (String txt : texts) {
            String base = txt.substring(0, txt.length() - 4);
            String text = files.text(txt);
            List<String> ignored = new ArrayList<>();
            List<ImportedSource.ImportedSpan> spans = files.has(base + ".ann")
                    ? standoff(base + ".ann", files.text(base + ".ann"), ignored) : List.of();
            String name = txt.contains("/") ? txt.substring(txt.lastIndexOf('/') + 1) : txt;
            sources.add(new ImportedSource(txt, 0, SourceDraft.ofText(name, text), null, spans, List.of(), ignored));
        }
        return sources;
    }

    private List<ImportedSource.ImportedSpan> standoff(String file, String content, List<String> ignored) {
        // The reader does not know the project yet: values are read as tokens of the template's
        // types (free text unless the template says otherwise); the import checks them against the
        // project's scheme afterwards.
        LabelScheme scheme = schemes.template();
        record Draft(int line, String label, int start, int end, String quote) {}
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            char kind = line.charAt(0);
            if (kind == 'T') {
                if (fields.length < 3) {
                    throw ImportFiles.malformed(file, number, "a T line needs three tab-separated fields: "
                            + "id, 'LABEL START END', text.");
                }
                if (fields[1].contains(";")) {
                    throw ImportFiles.malformed(file, number, "discontinuous spans (fragments joined by ';') have no "
                            + "place in the workbench; split them into separate spans.");
                }
                String[] typeAndOffsets = fields[1].split(" ");
                if (typeAndOffsets.length != 3) {
                    throw ImportFiles.malformed(file, number, "expected 'LABEL START END', found '" + fields[1] + "'.");
                }
                try {
                    drafts.put(fields[0], new Draft(number, typeAndOffsets[0], Integer.parseInt(typeAndOffsets[1]),
                            Integer.parseInt(typeAndOffsets[2]), fields[2]));
                } catch (NumberFormatException e) {
                    throw ImportFiles.malformed(file, number, "the offsets in '" + fields[1] + "' are not numbers.");
                }
            } else if (kind == 'A' || kind == 'M') {
                String[] parts = fields.length < 2 ? new String[0] : fields[1].split(" ");
                if (parts.length < 2) {
                    throw ImportFiles.malformed(file, number, "an attribute line needs 'NAME TARGET [VALUE]'.");
                }
                attributes.computeIfAbsent(parts[1], t -> new TreeMap<>()).put(parts[0], parts.length > 2
                        ? parts[2] : "true");
            } else if (kind == '#') {
                String[] parts = fields.length < 3 ? new String[0] : fields[1].split(" ");
                if (parts.length == 2 && parts[0].equals("AnnotatorNotes")) {
                    notes.put(parts[1], fields[2]);
                } else {
                    ignored.add(file + ", line " + number + ": a comment that is not an AnnotatorNotes line.");
                }
            } else {
                ignored.add(file + ", line " + number + ": " + fields[0] + " ("
                        + (kind == 'R' ? "a relation" : kind == 'E' ? "an event" : kind == 'N' ? "a normalization"
                        : kind == '*' ? "an equivalence" : "an unknown line") + ") has no place in the workbench.");
            }
        }
        Set<String> orphans = new TreeSet<>(attributes.keySet());
        orphans.addAll(notes.keySet());
        orphans.removeAll(drafts.keySet());
        orphans.forEach(id -> ignored.add(file + ": attributes or notes of " + id + ", which the file has no T line for."));
        List<ImportedSource.ImportedSpan> spans = new ArrayList<>();
        for (var entry : drafts.entrySet()) {
            Draft d = entry.getValue();
            String note = notes.get(entry.getKey());
            String author = null;
            String ref = entry.getKey();
            Matcher ours = note == null ? null : OUR_NOTE.matcher(note);
            if (ours != null && ours.matches()) {
                author = ours.group(1);
                ref = ours.group(2);
                note = ours.group(3);
            }
            if (ref.matches("g\\d+")) {
                throw ImportFiles.malformed(file, d.line(), "this is a gold-layer export. Import the export of every "
                        + "reviewer's layer: it carries the decisions together with the annotations they judged.");
            }
            Map<String, String> values = new TreeMap<>();
            attributes.getOrDefault(entry.getKey(), Map.of()).forEach((name, token) ->
                    values.put(name, type(scheme, d.label(), name).fromToken(token)));
            spans.add(new ImportedSource.ImportedSpan(ref, file, d.line(), new ImportedAnnotation(author, d.start(),
                    d.end(), d.label(), values, note, null, null), d.quote(), Map.of()));
        }
        return spans;
    }
}
