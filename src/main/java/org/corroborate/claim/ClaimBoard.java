package org.corroborate.claim;

import static org.corroborate.base.SpreadsheetSafe.cell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.text.Normalizer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.corroborate.claim.drift.Drift;
import org.corroborate.claim.drift.DriftValue;
import org.springframework.stereotype.Service;

/**
 * The claims board: a project's claims (rows) by the sources their members sit in (columns, by
 * published date, undated last), each cell saying what the source does with the claim (carries,
 * contradicts, qualifies; no cell: silent). Reads through {@link ClaimService#all}, so it shows only
 * the members the caller may see (blind mode) and 404s for a non-member like any project object.
 * The same filter serves the API, the CSV and the view's export.
 */
@Service
public class ClaimBoard {

    private static final Comparator<Source> BY_PUBLICATION = Comparator
            .comparing(Source::published, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Source::title, String.CASE_INSENSITIVE_ORDER).thenComparing(Source::id);

    private final ClaimService claims;

    ClaimBoard(ClaimService claims) {
        this.claims = claims;
    }

    /** A column: a source holding at least one member the caller may see; published null when unknown. */
    public record Source(long id, String title, String publisher, LocalDate published) {}

    /**
     * A filled cell: the source's {@code stance} on the claim (the strongest of its members:
     * CONTRADICTS over QUALIFIES over SUPPORTS), how many {@code members} sit there, the first such
     * member's annotation and span ({@code start}/{@code end} in code points, for
     * {@code sources/{id}?at=START-END}), and whether one of them states a drifting detail.
     */
    public record Cell(long source, Stance stance, int members, long annotation, int start, int end, boolean drift) {}

    /** A row: the claim, its visible contradicting members, its kinds of drift, its filled cells (by column order). */
    public record Row(long id, String statement, int contradictions, int driftKinds, List<Cell> cells) {}

    /** What {@code GET /api/claims/board} answers. */
    public record Board(List<Source> sources, List<Row> claims) {}

    /**
     * Which claims to show. {@code text}: every word in the statement (case and accents ignored);
     * {@code source} and {@code stance}: a member in that source, with that stance (both: that stance
     * in that source); {@code contradictions} / {@code drift}: only claims with some. Null or false
     * keeps everything.
     */
    public record Filter(String text, Long source, Stance stance, boolean contradictions, boolean drift) {
        public static final Filter NONE = new Filter(null, null, null, false, false);
    }

    /**
     * The board of a project: contradictions first, then drift, then claims carried by more sources
     * (ties by id); columns only for the sources of the claims shown.
     *
     * @throws org.corroborate.base.WorkbenchException 404 when the caller may not read the project
     */
    public Board board(long projectId, Filter filter) {
        List<Row> rows = new ArrayList<>();
        Map<Long, Source> sources = new LinkedHashMap<>();
        for (ClaimDetails claim : claims.all(projectId)) {
            Row row = row(claim);
            if (keeps(filter, row)) {
                rows.add(row);
                claim.members().forEach(m -> sources.putIfAbsent(m.source(),
                        new Source(m.source(), m.title(), m.publisher(), m.published())));
            }
        }
        rows.sort(Comparator.comparingInt(Row::contradictions).reversed()
                .thenComparing(Comparator.comparingInt(Row::driftKinds).reversed())
                .thenComparing(Comparator.comparingInt((Row r) -> r.cells().size()).reversed())
                .thenComparingLong(Row::id));
        return new Board(sources.values().stream().sorted(BY_PUBLICATION).toList(), List.copyOf(rows));
    }

    /**
     * The board as CSV (RFC 4180, UTF-8): id, statement, contradictions, drift kinds, then one column per
     * source ("title (date)") holding carries / contradicts / qualifies (", drift" when a detail drifts)
     * or nothing (silent). Cells that a spreadsheet would run as a formula start with an apostrophe.
     */
    public void writeCsv(long projectId, Filter filter, Writer out) {
        Board board = board(projectId, filter);
        List<String> header = new ArrayList<>(List.of("id", "statement", "contradictions", "drift_kinds"));
        board.sources().forEach(s -> header.add(cell(s.title() + " (" + (s.published() == null ? "no date"
                : s.published()) + ")")));
        try {
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out);
            for (Row row : board.claims()) {
                Map<Long, Cell> cells = new LinkedHashMap<>();
                row.cells().forEach(c -> cells.put(c.source(), c));
                List<Object> record = new ArrayList<>(List.of(row.id(), cell(row.statement()), row.contradictions(),
                        row.driftKinds()));
                for (Source source : board.sources()) {
                    Cell c = cells.get(source.id());
                    record.add(c == null ? "" : word(c.stance()) + (c.drift() ? ", drift" : ""));
                }
                csv.printRecord(record);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the board names a stance: carries, contradicts, qualifies. */
    public static String word(Stance stance) {
        return switch (stance) {
            case SUPPORTS -> "carries";
            case CONTRADICTS -> "contradicts";
            case QUALIFIES -> "qualifies";
        };
    }

    private static Row row(ClaimDetails claim) {
        Set<Long> drifting = new HashSet<>();
        for (Drift drift : claim.drift()) {
            for (DriftValue value : drift.values()) {
                if (!value.value().isEmpty()) {
                    drifting.add(value.annotation());
                }
            }
        }
        Map<Long, Cell> cells = new LinkedHashMap<>();
        int contradictions = 0;
        for (MemberDetails member : claim.members()) {
            if (member.stance() == Stance.CONTRADICTS) {
                contradictions++;
            }
            boolean drifts = drifting.contains(member.annotation());
            cells.merge(member.source(), new Cell(member.source(), member.stance(), 1, member.annotation(),
                    member.start(), member.end(), drifts), ClaimBoard::merge);
        }
        return new Row(claim.id(), claim.statement(), contradictions, claim.drift().size(), List.copyOf(cells.values()));
    }

    /** Two members in one source: the stronger stance shows (its first member opens), counts and drift add up. */
    private static Cell merge(Cell first, Cell second) {
        Cell shown = strength(second.stance()) > strength(first.stance()) ? second : first;
        return new Cell(first.source(), shown.stance(), first.members() + second.members(), shown.annotation(),
                shown.start(), shown.end(), first.drift() || second.drift());
    }

    private static int strength(Stance stance) {
        return switch (stance) {
            case CONTRADICTS -> 3;
            case QUALIFIES -> 2;
            case SUPPORTS -> 1;
        };
    }

    private static boolean keeps(Filter filter, Row row) {
        if (filter.contradictions() && row.contradictions() == 0 || filter.drift() && row.driftKinds() == 0) {
            return false;
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String statement = fold(row.statement());
            for (String word : fold(filter.text().strip()).split("\\s+")) {
                if (!statement.contains(word)) {
                    return false;
                }
            }
        }
        if (filter.source() != null || filter.stance() != null) {
            return row.cells().stream().anyMatch(c -> (filter.source() == null || c.source() == filter.source())
                    && (filter.stance() == null || c.stance() == filter.stance()));
        }
        return true;
    }

    /** Case and accents folded, as the board component does, so "cafe" finds "Café". */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ENGLISH);
    }
}
