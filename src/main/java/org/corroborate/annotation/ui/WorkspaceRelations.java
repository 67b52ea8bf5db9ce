package org.corroborate.annotation.ui;

import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.relation.RelationBroadcaster;
import org.corroborate.annotation.relation.RelationDetails;
import org.corroborate.annotation.relation.RelationRequest;
import org.corroborate.annotation.relation.RelationService;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.scheme.LabelScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * The relations of one open source in the workspace: read through {@link RelationService} as the
 * viewer, drawn as arcs on the text, listed for the selected annotation ({@link RelationsPanel}),
 * made by a link (the text's link mode, then {@link RelationTypeDialog} for the type) and deleted
 * with an undo. Changes anyone commits on the source (live, {@link RelationBroadcaster}) are read
 * again, so what is shown follows blind mode like any read.
 */
final class WorkspaceRelations {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceRelations.class);

    private final RelationService relations;
    private final RelationBroadcaster broadcaster;
    private final SourceTextElement text;
    private final LabelScheme scheme;
    private final long sourceId;
    private final String viewer;
    private final boolean supervisor;
    private final LongFunction<Optional<AnnotationDetails>> annotation;
    private final Consumer<UndoableAction> recordUndoable;
    private final Consumer<UndoableAction> undoNow;
    private List<RelationDetails> visible = List.of();
    private RelationsPanel panel;
    private AutoCloseable subscription;

    /**
     * @param annotation the workspace's annotation with that id as it shows it, if it does
     * @param recordUndoable puts an action on the workspace's undo history
     * @param undoNow takes an action back through that history (the undo notification's button)
     */
    WorkspaceRelations(RelationService relations, RelationBroadcaster broadcaster, SourceTextElement text,
                       LabelScheme scheme, long sourceId, String viewer, boolean supervisor,
                       LongFunction<Optional<AnnotationDetails>> annotation, Consumer<UndoableAction> recordUndoable,
                       Consumer<UndoableAction> undoNow) {
        this.undoNow = undoNow;
        this.relations = relations;
        this.broadcaster = broadcaster;
        this.text = text;
        this.scheme = scheme;
        this.sourceId = sourceId;
        this.viewer = viewer;
        this.supervisor = supervisor;
        this.annotation = annotation;
        this.recordUndoable = recordUndoable;
        text.addLinkListener(e -> link(Long.parseLong(e.from()), Long.parseLong(e.to())));
    }

    /** Reads the source's relations again as the viewer and redraws the arcs and the panel. */
    void reload() {
        visible = relations.visible(sourceId);
        text.setRelations(visible.stream().map(r -> new SourceTextElement.Relation(String.valueOf(r.id()),
                String.valueOf(r.from()), String.valueOf(r.to()), r.type(), scheme.relationTitleOf(r.type()))).toList());
        if (panel != null) {
            panel.show(of(panel.annotation()));
        }
    }

    /** Hears every committed relation change of the source while the view is attached. */
    void listen(UI ui) {
        close();
        subscription = broadcaster.subscribe(sourceId, change -> ui.access(this::reload));
    }

    void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("Closing the relation subscription of source {}: {}", sourceId, e.toString());
            }
            subscription = null;
        }
    }

    /** The panel for the annotation on show: its relations, and Link for one the viewer may annotate from. */
    RelationsPanel panel(AnnotationDetails shown, boolean mayLink) {
        panel = new RelationsPanel(shown, viewer, mayLink && !scheme.relations().isEmpty(), scheme, annotation, this::mayDelete,
                this::delete, () -> text.startLink(String.valueOf(shown.id())), id -> text.reveal(String.valueOf(id)));
        panel.show(of(shown));
        return panel;
    }

    /** The relations that start or end at the annotation, in the order they were made. */
    List<RelationDetails> of(AnnotationDetails shown) {
        return visible.stream().filter(r -> r.from() == shown.id() || r.to() == shown.id()).toList();
    }

    /** The person linked two annotations: asks for the type among those that fit (either way round), then makes it. */
    void link(long fromId, long toId) {
        Optional<AnnotationDetails> from = annotation.apply(fromId);
        Optional<AnnotationDetails> to = annotation.apply(toId);
        if (from.isEmpty() || to.isEmpty()) {
            Notifications.warning("That annotation is not shown any more; nothing was linked.");
            return;
        }
        List<RelationTypeDialog.Choice> choices = new ArrayList<>();
        scheme.relationsFitting(from.get().label(), to.get().label())
                .forEach(type -> choices.add(new RelationTypeDialog.Choice(type, from.get(), to.get())));
        scheme.relationsFitting(to.get().label(), from.get().label())
                .forEach(type -> choices.add(new RelationTypeDialog.Choice(type, to.get(), from.get())));
        if (choices.isEmpty()) {
            Notifications.warning("No relation type of the scheme joins a " + scheme.titleOf(from.get().label())
                    + " and a " + scheme.titleOf(to.get().label()) + (scheme.relations().isEmpty()
                    ? " (the scheme has none; a supervisor adds them on the Label scheme page)." : "."));
            return;
        }
        new RelationTypeDialog(scheme, choices, this::create).open();
    }

    private void create(RelationTypeDialog.Choice choice) {
        RelationRequest request = new RelationRequest(choice.from().id(), choice.to().id(), choice.type().name());
        try {
            RelationDetails made = relations.create(request);
            reload();
            recordUndoable.accept(new LinkAction(made, choice.type().title(), request));
            Notifications.success("Linked: " + RelationTypeDialog.describe(scheme, choice));
        } catch (WorkbenchException | AccessDeniedException refused) {
            Notifications.error(refused.getMessage());
        }
    }

    private boolean mayDelete(RelationDetails relation) {
        return relation.author().equals(viewer) || supervisor;
    }

    /** Deletes a relation (a colleague's as a supervisor, with the reason given), with an undo. */
    private void delete(RelationDetails relation, String reason) {
        try {
            relations.delete(relation.id(), relation.version(), reason);
            reload();
            if (relation.author().equals(viewer)) {
                String title = scheme.relationTitleOf(relation.type());
                RelationRequest again = new RelationRequest(relation.from(), relation.to(), relation.type());
                UnlinkAction action = new UnlinkAction(relation, title, again);
                recordUndoable.accept(action);
                Notifications.undoable("Relation “" + title + "” deleted.", () -> undoNow.accept(action));
            } else {
                Notifications.success("Relation “" + scheme.relationTitleOf(relation.type()) + "” deleted.");
            }
        } catch (WorkbenchException | AccessDeniedException refused) {
            Notifications.error(refused.getMessage());
            reload();
        }
    }

    /** A link made: undo deletes it, redo makes it again (a new relation, with a new id). */
    private final class LinkAction implements UndoableAction {
        private RelationDetails current;
        private final String title;
        private final RelationRequest request;

        LinkAction(RelationDetails made, String title, RelationRequest request) {
            this.current = made;
            this.title = title;
            this.request = request;
        }

        @Override
        public String description() {
            return "link “" + title + "”";
        }

        @Override
        public void undo() {
            relations.delete(current.id(), current.version(), null);
            reload();
        }

        @Override
        public void redo() {
            current = relations.create(request);
            reload();
        }
    }

    /** A relation deleted: undo makes it again (a new relation, with a new id), redo deletes that one. */
    private final class UnlinkAction implements UndoableAction {
        private RelationDetails current;
        private final String title;
        private final RelationRequest request;

        UnlinkAction(RelationDetails deleted, String title, RelationRequest request) {
            this.current = deleted;
            this.title = title;
            this.request = request;
        }

        @Override
        public String description() {
            return "delete of relation “" + title + "”";
        }

        @Override
        public void undo() {
            current = relations.create(request);
            reload();
        }

        @Override
        public void redo() {
            relations.delete(current.id(), current.version(), null);
            reload();
        }
    }
}
