package org.corroborate.claim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.AnnotationsFolder;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.DemoCorpusLoaded;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo claims once, right after demo mode has loaded the demo corpus: reads
 * {@code annotations/corpus/claims.json}, has the demo reviewers annotate the quoted words of the demo
 * reports (through {@link AnnotationService}, as themselves) and make the claims and their members
 * (through {@link ClaimService}), so every write is audited like a person's. A member whose report or
 * words are missing (an edited {@code annotations/} folder) is skipped with a warning; the rest is seeded.
 */
@Component
class DemoClaims {

    static final String FILE = "corpus/claims.json";
    private static final Logger log = LoggerFactory.getLogger(DemoClaims.class);

    /** The file's shape: claims with their statement, creator and members. */
    record ClaimsFile(List<DemoClaim> claims) {
    }

    /** One demo claim, made by {@code createdBy}. */
    record DemoClaim(String statement, String createdBy, List<DemoMember> members) {
    }

    /**
     * One member: the {@code reviewer} annotates {@code text} (its first occurrence in the report whose file
     * name is {@code source}) with {@code label} and {@code attributes}, then adds it with {@code stance}.
     * The same words, label and reviewer in several claims are one annotation.
     */
    record DemoMember(String source, String reviewer, String label, Map<String, String> attributes, Stance stance,
                      String text) {
    }

    private record Made(String source, String reviewer, String label, String text) {
    }

    private final AnnotationsFolder folder;
    private final SourceService sources;
    private final AnnotationService annotations;
    private final ClaimService claims;
    private final CurrentActor actor;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    DemoClaims(AnnotationsFolder folder, SourceService sources, AnnotationService annotations, ClaimService claims,
               CurrentActor actor, TransactionTemplate transaction) {
        this.folder = folder;
        this.sources = sources;
        this.annotations = annotations;
        this.claims = claims;
        this.actor = actor;
        this.transaction = transaction;
    }

    @EventListener
    void seed(DemoCorpusLoaded loaded) {
        Optional<String> file = folder.text(FILE);
        if (file.isEmpty()) {
            log.info("Demo mode: no {}{}, so no demo claims", folder.location(), FILE);
            return;
        }
        ClaimsFile demo = json.readValue(file.get(), ClaimsFile.class);
        Map<String, SourceSummary> reports = new HashMap<>();
        actor.runAs("admin", Role.ADMIN, () -> sources.list(loaded.main()))
                .forEach(source -> reports.put(source.originFileName(), source));
        Map<Long, String> texts = new HashMap<>();
        Map<Made, Long> made = new HashMap<>();
        int seeded = 0;
        for (DemoClaim claim : demo.claims()) {
            Map<Made, Long> before = new HashMap<>(made);
            try {
                transaction.executeWithoutResult(status -> {
                    long claimId = actor.runAs(claim.createdBy(), Role.REVIEWER,
                            () -> claims.create(loaded.main(), claim.statement())).id();
                    for (DemoMember member : claim.members()) {
                        annotation(member, reports, texts, made).ifPresent(annotationId -> actor.runAs(
                                member.reviewer(), Role.REVIEWER,
                                () -> claims.addMember(claimId, annotationId, member.stance())));
                    }
                });
                seeded++;
            } catch (RuntimeException e) {
                // A demo claim the data cannot make (an edited folder) must not stop the demo from starting.
                made.clear();
                made.putAll(before);
                log.warn("Demo claims: could not seed \"{}\": {}", claim.statement(), e.getMessage());
            }
        }
        log.info("Demo mode: seeded {} demo claims from {}{} into project {}", seeded, folder.location(), FILE,
                loaded.main());
    }

    /** The member's annotation: made once by its reviewer on the first occurrence of its words. */
    private Optional<Long> annotation(DemoMember member, Map<String, SourceSummary> reports, Map<Long, String> texts,
                                      Map<Made, Long> made) {
        Made key = new Made(member.source(), member.reviewer(), member.label(), member.text());
        Long known = made.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        SourceSummary report = reports.get(member.source());
        if (report == null) {
            log.warn("Demo claims: no demo report {} for \"{}\"; member skipped", member.source(), member.text());
            return Optional.empty();
        }
        String text = texts.computeIfAbsent(report.id(),
                id -> actor.runAs("admin", Role.ADMIN, () -> sources.get(id).text()));
        int at = text.indexOf(member.text());
        if (at < 0) {
            log.warn("Demo claims: \"{}\" is not in {}; member skipped", member.text(), member.source());
            return Optional.empty();
        }
        int start = text.codePointCount(0, at);
        int end = start + member.text().codePointCount(0, member.text().length());
        long id = actor.runAs(member.reviewer(), Role.REVIEWER, () -> annotations.create(report.id(),
                AnnotationRequest.create(start, end, member.label(), member.attributes(), null))).id();
        made.put(key, id);
        return Optional.of(id);
    }
}
