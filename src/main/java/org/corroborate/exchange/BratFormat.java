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
        return "A .txt and an .ann per source (spans and relations) and an annotation.conf for the scheme, as brat "
                + "and INCEpTION read them.";
    }

    /** A .txt needs its .ann beside it, so brat files come zipped. */
    @Override
    public List<String> fileTypes() {
        return List.of(".zip");
    }

    @Override
    public String fileOf(long sourceId) {
        return "source-" + sourceId + ".txt";
    }

    @Override
    public SourceWriter open(ExportArchive archive) throws IOException {
        return new SourceWriter() {
            private Long projectId;
            private final Declarations declared = new Declarations();

            @Override
            public void write(ExportedSource source) throws IOException {
                if (projectId == null) {
                    projectId = source.source().project();
                }
                String name = "source-" + source.source().id();
                entry(archive, name + ".txt", source.text());
                entry(archive, name + ".ann", standoff(archive, source, declared));
            }

            @Override
            public void finish() throws IOException {
                // Written last, when every span is known: the scheme covers them all.
                entry(archive, "annotation.conf", configuration(projectId == null ? schemes.template()
                        : schemes.current(projectId), declared));
            }
        };
    }

    /**
     * What annotation.conf must declare beyond the scheme: every label and attribute the exported
     * spans carry, each attribute's values as written, and the kinds of overlap ({@code equal},
     * {@code contain}, {@code cross}) that occur between two labels in one document.
     */
    static final class Declarations {
        final Map<String, Set<String>> attributesByLabel = new TreeMap<>();
        final Map<String, Set<String>> values = new TreeMap<>();
        final Map<String, Set<String>> overlaps = new TreeMap<>();
        /** Per relation type written, the labels of the spans it went from and to. */
        final Map<String, Set<String>> relationFrom = new TreeMap<>();
        final Map<String, Set<String>> relationTo = new TreeMap<>();
    }

    /**
     * The project's current scheme, archived labels included, and every label and attribute the
     * exported spans carry that it lacks (made under an earlier version), so brat can show every
     * span; {@code <OVERLAP>} rules for the overlaps the data has, so brat's validator accepts them;
     * and each attribute once, for all its labels, with a {@code Value:} list (the values a choice
     * or yes/no attribute allows, and every value written), since an attribute without one is a
     * yes/no flag to brat. A value holding {@code |} or {@code ,}, which the file's syntax uses, is
     * left out of the list.
     */
    static String configuration(LabelScheme scheme, Declarations used) {
        StringBuilder conf = new StringBuilder("# ").append(scheme.name()).append(' ').append(scheme.version())
                .append("\n[entities]\n");
        scheme.labels().forEach(l -> conf.append(l.name()).append('\n'));
        used.attributesByLabel.keySet().stream().filter(l -> scheme.label(l).isEmpty())
                .forEach(l -> conf.append(l).append('\n'));
        conf.append("[relations]\n");
        relationTypes(scheme, used, conf);
        used.overlaps.forEach((pair, kinds) -> {
            String[] labels = pair.split("\t");
            conf.append("<OVERLAP>\tArg1:").append(labels[0]).append(", Arg2:").append(labels[1])
                    .append(", <OVL-TYPE>:").append(String.join("|", kinds)).append('\n');
        });
        conf.append("[events]\n[attributes]\n");
        Map<String, Set<String>> labelsOf = new TreeMap<>();
        Map<String, Set<String>> valuesOf = new TreeMap<>();
        scheme.labels().forEach(l -> l.attributes().forEach(a -> {
            labelsOf.computeIfAbsent(a.name(), n -> new java.util.LinkedHashSet<>()).add(l.name());
            valuesOf.computeIfAbsent(a.name(), n -> new java.util.LinkedHashSet<>())
                    .addAll(a.attributeType().allowedValues(a));
        }));
        used.attributesByLabel.forEach((label, names) -> names.forEach(name ->
                labelsOf.computeIfAbsent(name, n -> new java.util.LinkedHashSet<>()).add(label)));
        used.values.forEach((name, tokens) -> valuesOf.computeIfAbsent(name, n -> new java.util.LinkedHashSet<>())
                .addAll(tokens));
        labelsOf.forEach((name, labels) -> {
            List<String> values = valuesOf.getOrDefault(name, Set.of()).stream()
                    .filter(v -> !v.isEmpty() && v.indexOf('|') < 0 && v.indexOf(',') < 0).toList();
            if (values.isEmpty()) {
                return; // no span has a value: brat would take a declaration without values for a flag
            }
            conf.append(name).append("\tArg:").append(String.join("|", labels)).append(", Value:")
                    .append(String.join("|", values)).append('\n');
        });
        return conf.toString();
    }

    /**
     * The {@code [relations]} lines of the scheme's relation types, as brat's configuration reads
     * them ({@code TYPE → Arg1:LABEL|LABEL, Arg2:LABEL}), and of any type the exported relations have
     * that the scheme lacks; each with every label its written relations went from or to as well, so
     * brat's validator accepts every {@code R} line. A type that allows any label has
     * {@code <ENTITY>}, brat's name for any entity type.
     */
    private static void relationTypes(LabelScheme scheme, Declarations used, StringBuilder conf) {
        Map<String, Set<String>> from = new java.util.LinkedHashMap<>();
        Map<String, Set<String>> to = new java.util.LinkedHashMap<>();
        for (LabelScheme.RelationType type : scheme.relations()) {
            from.put(type.name(), new java.util.LinkedHashSet<>(type.from()));
            to.put(type.name(), new java.util.LinkedHashSet<>(type.to()));
        }
        used.relationFrom.forEach((type, labels) -> addAll(from, type, labels));
        used.relationTo.forEach((type, labels) -> addAll(to, type, labels));
        from.forEach((type, labels) -> conf.append(type).append("\tArg1:").append(args(labels)).append(", Arg2:")
                .append(args(to.get(type))).append('\n'));
    }

    /** Adds the labels written to a type's; a type of the scheme that allows any label stays so. */
    private static void addAll(Map<String, Set<String>> labelsByType, String type, Set<String> labels) {
        Set<String> held = labelsByType.get(type);
        if (held == null) {
            labelsByType.put(type, new java.util.LinkedHashSet<>(labels));
        } else if (!held.isEmpty()) {
            held.addAll(labels);
        }
    }

    private static String args(Set<String> labels) {
        return labels == null || labels.isEmpty() ? "<ENTITY>" : String.join("|", labels);
    }

    /** One span as brat writes it: its fragments as [start, end) code points, in order. */
    record Fragments(ExportedSpan span, int[] starts, int[] ends) {
        int first() {
            return starts[0];
        }

        int last() {
            return ends[ends.length - 1];
        }

        boolean sameAs(Fragments other) {
            return java.util.Arrays.equals(starts, other.starts) && java.util.Arrays.equals(ends, other.ends);
        }

        /** brat's {@code contains}: each fragment of the other lies inside one of these. */
        boolean contains(Fragments other) {
            for (int o = 0; o < other.starts.length; o++) {
                boolean inside = false;
                for (int i = 0; i < starts.length && !inside; i++) {
                    inside = other.starts[o] >= starts[i] && other.ends[o] <= ends[i];
                }
                if (!inside) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The span's fragments: the runs of its text between the characters brat's reader ends a line
     * at ({@link PythonText#isLineEnd}), as brat writes a span across lines ({@code 14 17;18 21}).
     * Null when the span holds nothing else.
     */
    static Fragments fragments(String text, CodePoints points, ExportedSpan span) {
        int from = points.toUtf16(span.start());
        int to = points.toUtf16(span.end());
        List<int[]> runs = new ArrayList<>(1);
        int offset = span.start();
        int runStart = -1;
        for (int i = from; i < to; ) {
            int c = text.codePointAt(i);
            if (PythonText.isLineEnd(c)) {
                if (runStart >= 0) {
                    runs.add(new int[] {runStart, offset});
                    runStart = -1;
                }
            } else if (runStart < 0) {
                runStart = offset;
            }
            i += Character.charCount(c);
            offset++;
        }
        if (runStart >= 0) {
            runs.add(new int[] {runStart, offset});
        }
        if (runs.isEmpty()) {
            return null;
        }
        int[] starts = new int[runs.size()];
        int[] ends = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            starts[i] = runs.get(i)[0];
            ends[i] = runs.get(i)[1];
        }
        return new Fragments(span, starts, ends);
    }

    /**
     * The .ann file of one source. Offsets count code points, as every export does (brat counts
     * Python characters, which are code points). A span across line ends is written as brat writes
     * one, in fragments, and its covered text is the fragments' texts joined by a space; a tab stays
     * a tab. No line holds a character brat's reader ends a line at: notes have them as spaces, and
     * attribute values (tokens, as their {@link AttributeType} writes them) as {@code _}. Where the
     * span starts or ends with a line end, which no fragment can show, the note keeps its exact
     * extent as {@code at=START-END}. Every change is reported to the archive.
     */
    private String standoff(ExportArchive archive, ExportedSource source, Declarations declared) {
        LabelScheme scheme = schemes.current(source.source().project());
        String text = source.text();
        CodePoints points = new CodePoints(text);
        StringBuilder ann = new StringBuilder();
        List<Fragments> written = new ArrayList<>(source.spans().size());
        Map<String, String> textBound = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        int t = 0;
        int a = 0;
        int n = 0;
        for (ExportedSpan span : source.spans()) {
            Fragments fragments = fragments(text, points, span);
            if (fragments == null) {
                archive.skipped(source, span, "covers only line breaks", "brat cannot write a span without text");
                continue;
            }
            written.add(fragments);
            Set<String> attributeNames = declared.attributesByLabel.computeIfAbsent(span.label(),
                    l -> new TreeSet<>());
            String id = "T" + (++t);
            textBound.put(span.id(), id);
            labels.put(span.id(), span.label());
            ann.append(id).append('\t').append(span.label()).append(' ');
            for (int f = 0; f < fragments.starts().length; f++) {
                if (f > 0) {
                    ann.append(';');
                }
                ann.append(fragments.starts()[f]).append(' ').append(fragments.ends()[f]);
            }
            ann.append('\t');
            for (int f = 0; f < fragments.starts().length; f++) {
                if (f > 0) {
                    ann.append(' ');
                }
                ann.append(text, points.toUtf16(fragments.starts()[f]), points.toUtf16(fragments.ends()[f]));
            }
            ann.append('\n');
            if (fragments.starts().length > 1) {
                archive.adjusted(source, span, "written in fragments around line breaks, as brat writes a span "
                        + "across lines", fragments.starts().length + " fragments");
            }
            for (var attribute : span.attributes().entrySet()) {
                String token = oneToken(type(scheme, span.label(), attribute.getKey()).token(attribute.getValue()));
                attributeNames.add(attribute.getKey());
                declared.values.computeIfAbsent(attribute.getKey(), k -> new TreeSet<>()).add(token);
                ann.append('A').append(++a).append('\t').append(attribute.getKey()).append(' ').append(id).append(' ')
                        .append(token).append('\n');
            }
            StringBuilder note = new StringBuilder("author=").append(span.author()).append(" span=").append(span.id());
            if (fragments.first() != span.start() || fragments.last() != span.end()) {
                note.append(" at=").append(span.start()).append('-').append(span.end());
                archive.adjusted(source, span, "starts or ends with a line break, which brat cannot show",
                        "the note holds at=" + span.start() + "-" + span.end());
            }
            if (span.note() != null) {
                String oneLine = PythonText.oneLine(span.note());
                if (!oneLine.equals(span.note())) {
                    archive.adjusted(source, span, "note's line breaks written as spaces", "brat notes are one line");
                }
                note.append(" note=").append(oneLine);
            }
            ann.append("#").append(++n).append("\tAnnotatorNotes ").append(id).append('\t').append(note).append('\n');
        }
        int r = 0;
        for (ExportedRelation relation : source.relations()) {
            String from = textBound.get(relation.from());
            String to = textBound.get(relation.to());
            if (from == null || to == null) {
                continue; // an end brat could not write (a span of only line breaks, skipped and reported)
            }
            String id = "R" + (++r);
            ann.append(id).append('\t').append(relation.type()).append(" Arg1:").append(from).append(" Arg2:")
                    .append(to).append('\n');
            ann.append("#").append(++n).append("\tAnnotatorNotes ").append(id).append("\tauthor=")
                    .append(relation.author()).append(" relation=").append(relation.id()).append('\n');
            declared.relationFrom.computeIfAbsent(relation.type(), k -> new TreeSet<>())
                    .add(labels.get(relation.from()));
            declared.relationTo.computeIfAbsent(relation.type(), k -> new TreeSet<>()).add(labels.get(relation.to()));
        }
        overlaps(written, declared.overlaps);
        return ann.toString();
    }

    /** An attribute token with every character Python counts as white space written as {@code _}. */
    private static String oneToken(String token) {
        StringBuilder out = null;
        for (int i = 0; i < token.length(); i++) {
            if (PythonText.isSpace(token.charAt(i))) {
                if (out == null) {
                    out = new StringBuilder(token);
                }
                out.setCharAt(i, '_');
            }
        }
        return out == null ? token : out.toString();
    }

    /** Records, by pair of labels, the kinds of overlap brat's validator distinguishes. */
    static void overlaps(List<Fragments> spans, Map<String, Set<String>> kinds) {
        List<Fragments> sorted = new ArrayList<>(spans);
        sorted.sort(java.util.Comparator.comparingInt(Fragments::first));
        for (int i = 0; i < sorted.size(); i++) {
            Fragments one = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).first() < one.last(); j++) {
                Fragments other = sorted.get(j);
                String kind = one.sameAs(other) ? "equal"
                        : one.contains(other) || other.contains(one) ? "contain" : "cross";
                String a = one.span().label();
                String b = other.span().label();
                String pair = a.compareTo(b) <= 0 ? a + "\t" + b : b + "\t" + a;
                kinds.computeIfAbsent(pair, p -> new TreeSet<>()).add(kind);
            }
        }
    }

    private static void entry(ExportArchive archive, String name, String content) throws IOException {
        archive.file(name).write(content.getBytes(StandardCharsets.UTF_8));
    }

    /** The type of a label's attribute; free text for what the scheme does not know (the import refuses it later). */
    private static AttributeType type(LabelScheme scheme, String label, String attribute) {
        return scheme.label(label).flatMap(l -> l.attribute(attribute)).map(LabelScheme.Attribute::attributeType)
                .orElseGet(AttributeType::defaultType);
    }

    private static final Pattern OUR_NOTE = Pattern.compile(
            "^author=(\\S+) span=(\\S+)(?: at=(\\d+)-(\\d+))?(?: note=(.*))?$", Pattern.DOTALL);

    /**
     * Reads {@code NAME.txt} with {@code NAME.ann} pairs: T lines (with their fragments), A and M
     * lines as attributes, AnnotatorNotes as notes (ours also carry the author, the span id and,
     * where no fragment can show it, the exact extent). Lines end where brat's reader ends them
     * (a CRLF is one line end). Relations, events and other lines the workbench has no place for,
     * second values of an attribute and fragments that are apart are reported.
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
            List<ImportedSource.Relation> relations = new ArrayList<>();
            List<ImportedSource.ImportedSpan> spans = files.has(base + ".ann")
                    ? standoff(base + ".ann", files.text(base + ".ann"), text, ignored, relations) : List.of();
            String name = txt.contains("/") ? txt.substring(txt.lastIndexOf('/') + 1) : txt;
            sources.add(new ImportedSource(txt, 0, SourceDraft.ofText(name, text), null, spans, List.of(), ignored,
                    null, List.of(), relations));
        }
        return sources;
    }

    /** The lines of a file as brat's reader (Python's {@code str.splitlines}) cuts them. */
    static List<String> lines(String content) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (PythonText.isLineEnd(c)) {
                lines.add(content.substring(start, i));
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < content.length()) {
            lines.add(content.substring(start));
        }
        return lines;
    }

    private List<ImportedSource.ImportedSpan> standoff(String file, String content, String documentText,
                                                       List<String> ignored, List<ImportedSource.Relation> relations) {
        // The reader does not know the project yet: values are read as tokens of the template's
        // types (free text unless the template says otherwise); the import checks them against the
        // project's scheme afterwards.
        LabelScheme scheme = schemes.template();
        record Draft(int line, String label, int[][] fragments, String quote) {}
        Map<String, Draft> drafts = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        Map<String, Map<String, Integer>> attributeLines = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        CodePoints text = new CodePoints(documentText);
        List<String> lines = lines(content);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            // As brat: the id up to the first tab, the data up to the next, the rest (tabs and all) the tail.
            int firstTab = line.indexOf('\t');
            String id = firstTab < 0 ? line : line.substring(0, firstTab);
            String rest = firstTab < 0 ? "" : line.substring(firstTab + 1);
            int secondTab = rest.indexOf('\t');
            String data = secondTab < 0 ? rest : rest.substring(0, secondTab);
            String tail = secondTab < 0 ? null : rest.substring(secondTab + 1);
            char kind = line.charAt(0);
            if (kind == 'T') {
                if (firstTab < 0 || tail == null) {
                    throw ImportFiles.malformed(file, number, "a T line needs three tab-separated fields: "
                            + "id, 'LABEL START END', text.");
                }
                int space = data.indexOf(' ');
                if (space < 0) {
                    throw ImportFiles.malformed(file, number, "expected 'LABEL START END', found '" + data + "'.");
                }
                int[][] fragments = fragments(file, number, data.substring(space + 1), data, text.length());
                drafts.put(id, new Draft(number, data.substring(0, space), fragments, tail));
            } else if (kind == 'R') {
                String[] args = relation(file, number, id, data);
                links.add(new Link(id, number, args[0], args[1], args[2]));
            } else if (kind == 'A' || kind == 'M') {
                String[] parts = data.split(" ", 3);
                if (parts.length < 2) {
                    throw ImportFiles.malformed(file, number, "an attribute line needs 'NAME TARGET [VALUE]'.");
                }
                String value = parts.length > 2 ? parts[2] : "true";
                Map<String, String> of = attributes.computeIfAbsent(parts[1], t -> new TreeMap<>());
                Map<String, Integer> where = attributeLines.computeIfAbsent(parts[1], t -> new HashMap<>());
                if (of.containsKey(parts[0])) {
                    ignored.add(file + ", line " + number + ": a second value '" + value + "' of attribute '"
                            + parts[0] + "' on " + parts[1] + "; the workbench holds one value per attribute and keeps '"
                            + of.get(parts[0]) + "' from line " + where.get(parts[0]) + ".");
                } else {
                    of.put(parts[0], value);
                    where.put(parts[0], number);
                }
            } else if (kind == '#') {
                String[] parts = tail == null ? new String[0] : data.split(" ");
                if (parts.length == 2 && parts[0].equals("AnnotatorNotes")) {
                    if (notes.containsKey(parts[1])) {
                        ignored.add(file + ", line " + number + ": a second note on " + parts[1]
                                + "; the first is kept.");
                    } else {
                        notes.put(parts[1], tail);
                    }
                } else {
                    ignored.add(file + ", line " + number + ": a comment that is not an AnnotatorNotes line.");
                }
            } else {
                ignored.add(file + ", line " + number + ": " + id + " ("
                        + (kind == 'E' ? "an event" : kind == 'N' ? "a normalization"
                        : kind == '*' ? "an equivalence" : "an unknown line") + ") has no place in the workbench.");
            }
        }
        Set<String> orphans = new TreeSet<>(attributes.keySet());
        orphans.addAll(notes.keySet());
        orphans.removeAll(drafts.keySet());
        links.forEach(link -> orphans.remove(link.id()));
        orphans.forEach(id -> ignored.add(file + ": attributes or notes of " + id + ", which the file has no T line for."));
        List<ImportedSource.ImportedSpan> spans = new ArrayList<>();
        Map<String, String> refs = new HashMap<>();
        for (var entry : drafts.entrySet()) {
            Draft d = entry.getValue();
            String expected = String.join(" ", java.util.Arrays.stream(d.fragments())
                    .map(f -> text.substring(f[0], f[1])).toList());
            if (!spaced(d.quote()).equals(spaced(expected))) {
                throw ImportFiles.malformed(file, d.line(), "span " + entry.getKey() + " says it covers '"
                        + shorten(d.quote()) + "', but the text there reads '" + shorten(expected) + "'.");
            }
            String note = notes.get(entry.getKey());
            String author = null;
            String ref = entry.getKey();
            int[] at = null;
            Matcher ours = note == null ? null : OUR_NOTE.matcher(note);
            if (ours != null && ours.matches()) {
                author = ours.group(1);
                ref = ours.group(2);
                if (ours.group(3) != null) {
                    at = new int[] {Integer.parseInt(ours.group(3)), Integer.parseInt(ours.group(4))};
                }
                note = ours.group(5);
            }
            refs.put(entry.getKey(), ref);
            if (ref.matches("g\\d+")) {
                throw ImportFiles.malformed(file, d.line(), "this is a gold-layer export. Import the export of every "
                        + "reviewer's layer: it carries the decisions together with the annotations they judged.");
            }
            Map<String, String> values = new TreeMap<>();
            attributes.getOrDefault(entry.getKey(), Map.of()).forEach((name, token) ->
                    values.put(name, type(scheme, d.label(), name).fromToken(token)));
            List<int[]> pieces = joined(documentText, text, d.fragments());
            if (pieces.size() > 1) {
                ignored.add(file + ", line " + d.line() + ": the fragments of " + entry.getKey() + " are apart (text "
                        + "other than line breaks lies between them); imported as " + pieces.size()
                        + " spans, one per part.");
            }
            if (at != null && pieces.size() == 1 && at[0] <= pieces.getFirst()[0] && at[1] >= pieces.getFirst()[1]
                    && at[1] <= text.length() && onlyLineEnds(text.substring(at[0], pieces.getFirst()[0]))
                    && onlyLineEnds(text.substring(pieces.getFirst()[1], at[1]))) {
                pieces = List.of(at);
            }
            for (int p = 0; p < pieces.size(); p++) {
                int[] piece = pieces.get(p);
                spans.add(new ImportedSource.ImportedSpan(p == 0 ? ref : ref + "." + (p + 1), file, d.line(),
                        new ImportedAnnotation(author, piece[0], piece[1], d.label(), values, note, null, null), null,
                        Map.of()));
            }
        }
        for (Link link : links) {
            String author = null;
            String ref = link.id();
            Matcher ours = notes.containsKey(link.id()) ? OUR_RELATION_NOTE.matcher(notes.get(link.id())) : null;
            if (ours != null && ours.matches()) {
                author = ours.group(1);
                ref = ours.group(2);
            } else if (ours != null) {
                ignored.add(file + ": the note on relation " + link.id() + " is not read; relations here have no "
                        + "notes.");
            }
            relations.add(new ImportedSource.Relation(ref, file, link.line(), end(file, link, link.from(), refs),
                    end(file, link, link.to(), refs), link.type(), author));
        }
        return spans;
    }

    /** An R line as read: its id and line, type, and the ids its two arguments name. */
    private record Link(String id, int line, String type, String from, String to) {}

    private static final Pattern OUR_RELATION_NOTE = Pattern.compile("^author=(\\S+) relation=(\\S+)$");

    /** The span a relation's argument names, by its ref; refused when the file has no T line of that id. */
    private static String end(String file, Link link, String argument, Map<String, String> refs) {
        String ref = refs.get(argument);
        if (ref == null) {
            throw ImportFiles.malformed(file, link.line(), "relation " + link.id() + " names " + argument
                    + ", which the file has no T line for; a relation here joins two text-bound spans.");
        }
        return ref;
    }

    /**
     * An R line's data as brat's reader takes it: {@code TYPE ARG1:ID ARG2:ID}, exactly two arguments
     * with different names; the type and the two ids, in that order.
     */
    static String[] relation(String file, int line, String id, String data) {
        int space = data.indexOf(' ');
        String[] args = space < 0 ? new String[0] : data.substring(space + 1).strip().split("\\s+");
        if (space <= 0 || args.length != 2) {
            throw ImportFiles.malformed(file, line, "relation " + id + " must read 'TYPE Arg1:ID Arg2:ID', not '"
                    + shorten(data) + "'.");
        }
        String[] first = args[0].split(":", -1);
        String[] second = args[1].split(":", -1);
        if (first.length != 2 || second.length != 2 || first[1].isEmpty() || second[1].isEmpty()
                || first[0].equals(second[0])) {
            throw ImportFiles.malformed(file, line, "relation " + id + " must read 'TYPE Arg1:ID Arg2:ID' (two "
                    + "arguments with different names), not '" + shorten(data) + "'.");
        }
        return new String[] {data.substring(0, space), first[1], second[1]};
    }

    /** {@code START END;START END...}: the fragments, in text order, each within the text. */
    private static int[][] fragments(String file, int line, String offsets, String data, int length) {
        String[] parts = offsets.split(";");
        int[][] fragments = new int[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            String[] pair = parts[i].strip().split(" ");
            if (pair.length != 2) {
                throw ImportFiles.malformed(file, line, "expected 'LABEL START END', found '" + data + "'.");
            }
            try {
                fragments[i] = new int[] {Integer.parseInt(pair[0]), Integer.parseInt(pair[1])};
            } catch (NumberFormatException e) {
                throw ImportFiles.malformed(file, line, "the offsets in '" + data + "' are not numbers.");
            }
            if (fragments[i][0] < 0 || fragments[i][0] > fragments[i][1] || fragments[i][1] > length) {
                throw ImportFiles.malformed(file, line, "the fragment " + parts[i].strip() + " is not within the "
                        + "text (length " + length + " code points).");
            }
        }
        java.util.Arrays.sort(fragments, java.util.Comparator.comparingInt((int[] f) -> f[0]));
        return fragments;
    }

    /**
     * The fragments as spans: neighbours with nothing but line ends between them (how brat writes
     * a span across lines) joined into one; the rest apart.
     */
    private static List<int[]> joined(String documentText, CodePoints text, int[][] fragments) {
        List<int[]> pieces = new ArrayList<>();
        for (int[] f : fragments) {
            int[] last = pieces.isEmpty() ? null : pieces.getLast();
            if (last != null && f[0] >= last[1] && onlyLineEnds(text.substring(last[1], f[0]))) {
                last[1] = Math.max(last[1], f[1]);
            } else if (last != null && f[0] < last[1]) {
                last[1] = Math.max(last[1], f[1]);
            } else {
                pieces.add(new int[] {f[0], f[1]});
            }
        }
        return pieces;
    }

    private static boolean onlyLineEnds(String between) {
        return between.chars().allMatch(PythonText::isLineEnd);
    }

    /** Covered text as compared: what Python counts as white space compares as one space each. */
    private static String spaced(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(PythonText.isSpace(c) ? ' ' : c));
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
