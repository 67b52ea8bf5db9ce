package org.corroborate.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.corroborate.base.AnnotationsFolder;
import org.corroborate.base.Change;
import org.corroborate.base.ChangeReason;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.cluster.ClusterBus;
import org.corroborate.project.ProjectCreated;
import org.corroborate.project.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The label schemes: each project's, in numbered versions, and the template every project starts
 * from, read from {@code annotations/scheme.json} at start and validated there. A change is a new
 * version, checked so that it never breaks data: renames and mappings move the spans that use them
 * (through every {@link SchemeUsage}), dropping what is in use is refused, and every version is
 * audited. Reading a project's scheme needs membership (404 otherwise); changing it, its supervisor
 * or an administrator.
 */
@Service
@Transactional
public class SchemeService {

    static final String SCHEME_FILE = "scheme.json";
    private static final Logger log = LoggerFactory.getLogger(SchemeService.class);

    private final LabelScheme template;
    private final SchemeVersionRepository versions;
    private final ProjectService projects;
    private final ObjectProvider<SchemeUsage> usages;
    private final ObjectProvider<RelationUsage> relationUsages;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The current version of each project, read once; dropped when a change commits. */
    private final Map<Long, SchemeVersionDetails> current = new ConcurrentHashMap<>();
    /** Counts completed changes, so that a read that raced one is not cached. */
    private final AtomicLong changes = new AtomicLong();
    /** The cluster bus topic on which a node tells the others that a project's scheme changed (its id). */
    static final String TOPIC = "scheme";
    private final ClusterBus bus;

    SchemeService(AnnotationsFolder folder, SchemeVersionRepository versions, ProjectService projects,
                  ObjectProvider<SchemeUsage> usages, ObjectProvider<RelationUsage> relationUsages, CurrentActor actor,
                  ApplicationEventPublisher events, Clock clock, ClusterBus bus) {
        this.relationUsages = relationUsages;
        this.versions = versions;
        this.projects = projects;
        this.usages = usages;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
        this.bus = bus;
        // Another node changed a project's scheme: drop this node's copy of its current version too.
        bus.subscribe(TOPIC, Long.class, message -> {
            changes.incrementAndGet();
            current.remove(message.payload());
        });
        Resource file = folder.file(SCHEME_FILE);
        String location = folder.location() + SCHEME_FILE;
        if (!file.exists()) {
            throw new InvalidSchemeException(location, List.of("the file does not exist"));
        }
        try (InputStream in = file.getInputStream()) {
            this.template = SchemeReader.read(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidSchemeException(location, List.of("cannot be read: " + e.getMessage()));
        }
        log.info("Label scheme template '{}' version {} with labels {}", template.name(), template.version(),
                template.labels().stream().map(LabelScheme.Label::name).toList());
    }

    /** The scheme read from annotations/scheme.json: version 1 of every project; immutable. */
    public LabelScheme template() {
        return template;
    }

    /**
     * The scheme in force in a project; immutable. Internal use: the caller has checked that the
     * person may read the project (the API and views go through {@link #currentVersion}).
     */
    @Transactional(readOnly = true)
    public LabelScheme current(long projectId) {
        return latest(projectId).scheme();
    }

    /**
     * The labels a project's spans carry, as its current scheme names them, and those the scheme no
     * longer has (archived ones are in the scheme; imported ones may be in neither): for filters
     * that must reach every span, such as an export's label filter. Sorted; 404 for non-members.
     */
    @Transactional(readOnly = true)
    public java.util.SortedSet<String> labelsOfProject(long projectId) {
        projects.requireReadable(projectId);
        java.util.SortedSet<String> labels = new java.util.TreeSet<>();
        current(projectId).labels().forEach(l -> labels.add(l.name()));
        usages.orderedStream().forEach(usage -> labels.addAll(usage.labelUses(projectId).keySet()));
        return labels;
    }

    /** The number of the version in force in a project: what annotations saved now record. */
    @Transactional(readOnly = true)
    public int currentNumber(long projectId) {
        return latest(projectId).number();
    }

    /** The version in force in a project, for its members; 404 for anyone else. */
    @Transactional(readOnly = true)
    public SchemeVersionDetails currentVersion(long projectId) {
        projects.requireReadable(projectId);
        return latest(projectId);
    }

    /** Every version of a project's scheme, oldest first, for its members. */
    @Transactional(readOnly = true)
    public List<SchemeVersionDetails> versions(long projectId) {
        projects.requireReadable(projectId);
        List<SchemeVersionDetails> all = versions.findByProjectIdOrderByNumberAsc(projectId).stream()
                .map(SchemeService::details).toList();
        return all.isEmpty() ? List.of(latest(projectId)) : all;
    }

    /** One version of a project's scheme, for its members; 404 if there is no such version. */
    @Transactional(readOnly = true)
    public SchemeVersionDetails version(long projectId, int number) {
        projects.requireReadable(projectId);
        return versions.findByProjectIdAndNumber(projectId, number).map(SchemeService::details)
                .or(() -> number == 1 && !versions.existsByProjectId(projectId)
                        ? Optional.of(latest(projectId)) : Optional.empty())
                .orElseThrow(() -> WorkbenchException.notFound("The project's scheme has no version " + number + "."));
    }

    /** Gives a new project version 1: the template. */
    @EventListener
    void projectCreated(ProjectCreated created) {
        seed(created.projectId());
    }

    /**
     * Gives a project that has no scheme version yet the template as version 1, audited as
     * {@code scheme.created}; does nothing for a project that has one. Start-up runs it for every
     * project, so projects that existed before versions did get theirs.
     */
    public void seed(long projectId) {
        if (versions.existsByProjectId(projectId)) {
            return;
        }
        SchemeVersion first = versions.saveAndFlush(new SchemeVersion(projectId, 1, template,
                SchemeReader.writeDiff(new SchemeDiff(List.of())), "version 1: " + template.name() + " "
                + template.version() + " from " + SCHEME_FILE, null, actor.name().orElse("system"), clock.instant()));
        SchemeVersionDetails details = details(first);
        events.publishEvent(Change.created("scheme.created", "Scheme", projectId, null, view(details))
                .inProject(projectId));
        forgetAfterCommit(projectId);
    }

    /**
     * Makes the proposal the project's next scheme version, for its supervisors and administrators
     * (404 for non-members, 403 for reviewers). Refused with 400 when the scheme or the instructions
     * are invalid (every problem listed in {@code details.problems}), 409 when the proposal is based
     * on an older version than the current one, or when it drops a label or attribute that spans still
     * use ({@code details.inUse} counts them per kind of span): map it or archive it instead; 409 too
     * when it gives an attribute a type or allowed values that values on spans do not fit ({@code
     * details.misfits}, per attribute and value, at most five values named per attribute). Renamed
     * and mapped labels and attributes are migrated in every {@link SchemeUsage}, in this transaction;
     * the version records what moved. A proposal that changes nothing makes no version.
     */
    public SchemeVersionDetails change(long projectId, SchemeProposal proposal) {
        projects.requireOverseer(projectId, "change the label scheme");
        SchemeVersionDetails before = latest(projectId);
        if (proposal.basedOn() != before.number()) {
            throw new SchemeChangeRefused(WorkbenchException.Kind.CONFLICT, "The scheme is at version "
                    + before.number() + ", but your change was made to version " + proposal.basedOn()
                    + "; reload it, make your change again and save.", Map.of("current", before.number()));
        }
        SchemePlan plan = plan(before, proposal);
        if (!plan.problems().isEmpty()) {
            throw new SchemeChangeRefused(WorkbenchException.Kind.BAD_INPUT, "The scheme change cannot be made: "
                    + String.join("; ", plan.problems()) + ".", Map.of("problems", plan.problems()));
        }
        if (plan.diff().isEmpty()) {
            return before;
        }
        refuseDroppingWhatIsUsed(projectId, plan);
        refuseValuesThatWouldNotFit(projectId, before.scheme(), proposal, plan);
        seed(projectId);
        int number = before.number() + 1;
        // The person's own reason is checked as they gave it; the history of every span the change
        // moves then says which version moved it and what it changed, shortened to fit.
        ChangeReason.record(proposal.reason());
        String done = "scheme version " + number + ": " + plan.diff().summary();
        String reason = fitted(proposal.reason() == null ? done : proposal.reason().strip() + " (" + done + ")");
        ChangeReason.record(reason);
        Map<String, Long> migrated = new LinkedHashMap<>();
        if (!plan.migration().isEmpty()) {
            usages.orderedStream().forEach(usage -> migrated.put(usage.what(),
                    usage.migrate(projectId, plan.migration(), number, reason)));
        }
        List<String> moved = new ArrayList<>();
        migrated.forEach((what, count) -> moved.add(usage(Map.of(what, count))));
        String summary = plan.diff().summary() + (moved.isEmpty() ? "" : "; migrated " + String.join(", ", moved));
        SchemeVersion saved;
        try {
            saved = versions.saveAndFlush(new SchemeVersion(projectId, number, proposal.scheme(),
                    SchemeReader.writeDiff(plan.diff()), summary, proposal.reason(), actor.require(), clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw new SchemeChangeRefused(WorkbenchException.Kind.CONFLICT, "Someone else saved version " + number
                    + " of the scheme at the same moment; nothing was changed. Reload it and try again.", Map.of());
        }
        SchemeVersionDetails after = details(saved);
        Map<String, Object> afterView = new LinkedHashMap<>(view(after));
        afterView.put("diff", plan.diff().entries());
        afterView.put("migrated", migrated);
        events.publishEvent(Change.updated("scheme.changed", "Scheme", projectId, null, view(before), afterView,
                proposal.reason() == null || proposal.reason().isBlank() ? null : proposal.reason().strip())
                .inProject(projectId));
        forgetAfterCommit(projectId);
        log.info("Project {}: scheme version {}: {}", projectId, number, summary);
        return after;
    }

    /**
     * What {@link #change} would do with the proposal, without doing it: the diff, the problems that
     * would refuse it (400), what it would drop while in use (409), counted per kind of span
     * ({@code "label CLAIM" -> {"annotations": 3}}), so a person can map or archive those first, and
     * the values on spans the changed attribute types would refuse (409).
     */
    @Transactional(readOnly = true)
    public SchemeChangePreview preview(long projectId, SchemeProposal proposal) {
        projects.requireOverseer(projectId, "change the label scheme");
        SchemeVersionDetails before = latest(projectId);
        SchemePlan plan = plan(before, proposal);
        Map<String, Map<String, Long>> inUse = plan.problems().isEmpty() ? inUse(projectId, plan) : Map.of();
        Map<String, Map<String, Long>> misfits = plan.problems().isEmpty()
                ? misfits(projectId, before.scheme(), proposal, plan) : Map.of();
        return new SchemeChangePreview(before.number(), plan.diff(), plan.problems(), inUse, misfits);
    }

    private static SchemePlan plan(SchemeVersionDetails before, SchemeProposal proposal) {
        // A proposal made in Java (the scheme page) has not passed the reader: validate it here too.
        List<String> invalid = SchemeReader.validate(proposal.scheme());
        SchemePlan plan = invalid.isEmpty() ? SchemePlan.of(before.scheme(), proposal) : null;
        if (plan == null) {
            return new SchemePlan(new SchemeDiff(List.of()), new SchemeMigration(Map.of(), Map.of()),
                    java.util.Set.of(), Map.of(), java.util.Set.of(), invalid);
        }
        return plan;
    }

    /** A reason for the history, shortened to the length a reason may have, never cutting a character in half. */
    private static String fitted(String reason) {
        if (reason.length() <= ChangeReason.MAX_LENGTH) {
            return reason;
        }
        int cut = ChangeReason.MAX_LENGTH - 1;
        if (Character.isHighSurrogate(reason.charAt(cut - 1))) {
            cut--;
        }
        return reason.substring(0, cut) + "…";
    }

    /**
     * Usage counts in words, such as "3 annotations and 1 gold span" (the counters name their
     * kinds in the plural, {@link SchemeUsage}).
     */
    public static String usage(Map<String, Long> counts) {
        return String.join(" and ", counts.entrySet().stream()
                .map(e -> e.getValue() + " " + (e.getValue() == 1 && e.getKey().endsWith("s")
                        ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey())).toList());
    }

    private void refuseDroppingWhatIsUsed(long projectId, SchemePlan plan) {
        Map<String, Map<String, Long>> inUse = inUse(projectId, plan);
        List<String> clauses = new ArrayList<>();
        inUse.forEach((what, counts) -> clauses.add(what + " is used by " + usage(counts)));
        if (!clauses.isEmpty()) {
            throw new SchemeChangeRefused(WorkbenchException.Kind.CONFLICT, "The change would remove what is in use: "
                    + String.join("; ", clauses) + ". Map it to another (\"mappings\") or archive it "
                    + "(\"archived\": true) instead" + (inUse.keySet().stream().anyMatch(w -> w.startsWith("relation"))
                    ? " (a relation type: keep it, or delete its relations first)" : "") + "; nothing was changed.",
                    Map.of("inUse", inUse));
        }
    }

    private void refuseValuesThatWouldNotFit(long projectId, LabelScheme before, SchemeProposal proposal,
                                             SchemePlan plan) {
        Map<String, Map<String, Long>> misfits = misfits(projectId, before, proposal, plan);
        if (!misfits.isEmpty()) {
            throw new SchemeChangeRefused(WorkbenchException.Kind.CONFLICT, "The change would leave values that "
                    + "the new attribute types refuse: " + misfitsInWords(misfits) + ". Change those values first "
                    + "(or keep the attribute's type and values); nothing was changed.", Map.of("misfits", misfits));
        }
    }

    /** Refused values in words: "attribute QUOTE.verified, value 'maybe' on 3 annotations; …". */
    public static String misfitsInWords(Map<String, Map<String, Long>> misfits) {
        return String.join("; ", misfits.entrySet().stream()
                .map(e -> e.getKey() + " on " + usage(e.getValue())).toList());
    }

    private Map<String, Map<String, Long>> inUse(long projectId, SchemePlan plan) {
        Map<String, Map<String, Long>> inUse = new LinkedHashMap<>();
        if (!plan.droppedRelations().isEmpty()) {
            relationUsages.orderedStream().forEach(usage -> {
                Map<String, Long> relations = usage.relationUses(projectId);
                plan.droppedRelations().forEach(type -> count(inUse, "relation type " + type, usage.what(),
                        relations.getOrDefault(type, 0L)));
            });
        }
        if (!plan.droppedLabels().isEmpty() || !plan.droppedAttributes().isEmpty()) {
            usages.orderedStream().forEach(usage -> {
                Map<String, Long> labels = usage.labelUses(projectId);
                Map<String, Map<String, Map<String, Long>>> attributes = plan.droppedAttributes().isEmpty() ? Map.of()
                        : usage.attributeValueUses(projectId);
                plan.droppedLabels().forEach(label -> count(inUse, "label " + label, usage.what(),
                        labels.getOrDefault(label, 0L)));
                plan.droppedAttributes().forEach((label, names) -> names.forEach(name -> count(inUse,
                        "attribute " + label + "." + name, usage.what(), attributes.getOrDefault(label, Map.of())
                                .getOrDefault(name, Map.of()).values().stream().mapToLong(Long::longValue).sum())));
            });
        }
        return inUse;
    }

    /** At most this many refused values are named per attribute; the rest are counted together. */
    private static final int MISFITS_NAMED = 5;

    /**
     * The values spans hold that the new version's attribute would refuse, where the change gives an
     * attribute another type or other allowed values (or declares one that spans already carry), such
     * as {@code "attribute QUOTE.verified, value 'maybe'" -> {"annotations": 3}}; values are looked up
     * after the change's renames and mappings. Attributes whose declaration does not change are not
     * looked at, so values an import left outside the scheme do not block an unrelated change.
     */
    private Map<String, Map<String, Long>> misfits(long projectId, LabelScheme before, SchemeProposal proposal,
                                                   SchemePlan plan) {
        LabelScheme after = proposal.scheme();
        Map<String, Map<String, Long>> misfits = new LinkedHashMap<>();
        if (plan.diff().entries().stream().noneMatch(e -> e.kind() == SchemeDiff.Kind.ATTRIBUTE_CHANGED
                || e.kind() == SchemeDiff.Kind.ATTRIBUTE_ADDED || e.kind() == SchemeDiff.Kind.ATTRIBUTE_MAPPED
                || e.kind() == SchemeDiff.Kind.ATTRIBUTE_RENAMED || e.kind() == SchemeDiff.Kind.LABEL_MAPPED
                || e.kind() == SchemeDiff.Kind.LABEL_RENAMED)) {
            return misfits;
        }
        SchemeMigration migration = plan.migration();
        Map<String, Integer> named = new HashMap<>();
        usages.orderedStream().forEach(usage -> usage.attributeValueUses(projectId).forEach((label, byName) ->
                byName.forEach((name, values) -> {
                    String newLabel = migration.labels().getOrDefault(label, label);
                    String newName = migration.attributes().getOrDefault(label, Map.of()).getOrDefault(name, name);
                    LabelScheme.Attribute declared = after.label(newLabel).flatMap(l -> l.attribute(newName)).orElse(null);
                    if (declared == null) {
                        return;
                    }
                    LabelScheme.Attribute was = before.label(label).flatMap(l -> l.attribute(name)).orElse(null);
                    if (was != null && was.type().equals(declared.type()) && was.values().equals(declared.values())) {
                        return;
                    }
                    String where = "attribute " + newLabel + "." + newName;
                    values.forEach((value, count) -> {
                        if (value == null || value.isBlank()
                                || declared.attributeType().refusal(declared, value.strip()).isEmpty()) {
                            return;
                        }
                        String key = where + ", value '" + value + "'";
                        if (!misfits.containsKey(key) && named.merge(where, 1, Integer::sum) > MISFITS_NAMED) {
                            key = where + ", other values";
                        }
                        count(misfits, key, usage.what(), count);
                    });
                })));
        return misfits;
    }

    private static void count(Map<String, Map<String, Long>> inUse, String what, String by, long count) {
        if (count > 0) {
            inUse.computeIfAbsent(what, w -> new LinkedHashMap<>()).merge(by, count, Long::sum);
        }
    }

    private SchemeVersionDetails latest(long projectId) {
        SchemeVersionDetails known = current.get(projectId);
        if (known != null) {
            return known;
        }
        long generation = changes.get();
        Optional<SchemeVersionDetails> stored = versions.findFirstByProjectIdOrderByNumberDesc(projectId)
                .map(SchemeService::details);
        if (stored.isEmpty()) {
            // Not seeded yet (a project created in this very transaction): what version 1 will be.
            return new SchemeVersionDetails(projectId, 1, template, new SchemeDiff(List.of()), "version 1", null,
                    "system", clock.instant());
        }
        if (changes.get() == generation) {
            // No change completed while this was read, so it is not older than what is committed.
            current.put(projectId, stored.get());
        }
        return stored.get();
    }

    private void forgetAfterCommit(long projectId) {
        changes.incrementAndGet();
        current.remove(projectId);
        bus.publish(TOPIC, projectId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    current.remove(projectId);
                }
            });
        }
    }

    private static SchemeVersionDetails details(SchemeVersion version) {
        return new SchemeVersionDetails(version.projectId(), version.number(),
                SchemeReader.read("version " + version.number(), version.content()),
                SchemeReader.readDiff(version.diff()), version.summary(), version.reason(), version.createdBy(),
                version.createdAt());
    }

    /** A version as the audit trail records it. */
    private static Map<String, Object> view(SchemeVersionDetails version) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("schemeVersion", version.number());
        view.put("scheme", version.scheme());
        view.put("summary", version.summary());
        return view;
    }
}
