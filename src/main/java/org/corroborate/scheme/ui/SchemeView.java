package org.corroborate.scheme.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.base.ui.Notifications;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.corroborate.project.ui.CurrentProject;
import org.corroborate.scheme.AttributeType;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeDiff;
import org.corroborate.scheme.SchemeService;
import org.corroborate.scheme.SchemeVersionDetails;

/**
 * The current project's label scheme: for its supervisors and administrators an editor (see
 * {@link SchemeEditor}), for everyone else the labels to consult; then every version with what it
 * changed, and the guidelines. The project is the one chosen in the app frame ({@link
 * CurrentProject}); {@code ?project=ID} chooses it.
 */
@Route("scheme")
@PageTitle("Label scheme · Corroborate")
@Menu(order = 50, title = "Label scheme", icon = "vaadin:tags")
@PermitAll
public class SchemeView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final SchemeService schemes;
    private final ProjectService projects;
    private final CurrentProject current;

    public SchemeView(SchemeService schemes, ProjectService projects, CurrentProject current) {
        this.schemes = schemes;
        this.projects = projects;
        this.current = current;
        addClassName("cb-scheme");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("project").ifPresent(id -> {
            try {
                current.set(Long.parseLong(id));
            } catch (RuntimeException unknown) {
                // Not a project this person may read: the current one stays.
            }
        });
        show();
    }

    private void show() {
        removeAll();
        Optional<ProjectDetails> project = current.get();
        H2 title = new H2("Label scheme");
        if (project.isEmpty()) {
            add(title, new Paragraph("You belong to no project yet."));
            return;
        }
        long projectId = project.get().id();
        SchemeVersionDetails version = schemes.currentVersion(projectId);
        LabelScheme scheme = version.scheme();
        Paragraph about = new Paragraph(project.get().name() + " · " + scheme.name() + " " + scheme.version()
                + " · version " + version.number() + " of this project's scheme"
                + (scheme.description() == null ? "" : ". " + scheme.description()));
        about.setId("scheme-about");
        about.addClassName("cb-muted");
        add(title, about);
        if (projects.oversees(projectId)) {
            add(new SchemeEditor(schemes, projectId, version, saved -> {
                Notifications.success("Saved as version " + saved.number() + ": " + saved.summary());
                show();
            }));
        } else {
            Div labels = new Div();
            labels.setId("scheme-labels");
            labels.addClassName("cb-scheme-labels");
            scheme.labels().forEach(label -> labels.add(card(label)));
            add(labels);
        }
        add(versions(schemes.versions(projectId)));
        projects.guidelines(projectId).ifPresent(text -> {
            Markdown guidelines = new Markdown(text);
            guidelines.addClassName("cb-guidelines");
            add(guidelines);
        });
    }

    /** Every version, newest first, each opening to what it changed. */
    private static Div versions(List<SchemeVersionDetails> versions) {
        Div list = new Div(new H3("Versions"));
        list.setId("scheme-versions");
        list.addClassName("cb-scheme-versions");
        versions.reversed().forEach(v -> {
            UnorderedList changes = new UnorderedList();
            if (v.diff().isEmpty()) {
                changes.add(new ListItem(v.summary()));
            }
            v.diff().entries().stream().map(SchemeDiff.Entry::text).forEach(t -> changes.add(new ListItem(t)));
            if (v.reason() != null) {
                changes.add(new ListItem("Why: " + v.reason()));
            }
            Details details = new Details("Version " + v.number() + " · " + v.scheme().version() + " · "
                    + v.createdBy() + " · " + WHEN.format(v.createdAt()), changes);
            details.setId("scheme-version-" + v.number());
            list.add(details);
        });
        return list;
    }

    private static Div card(LabelScheme.Label label) {
        LabelChip chip = new LabelChip(label.name(), label.color());
        Span hotkey = new Span(label.archived() ? "archived" : label.hotkey() == null ? "" : "key " + label.hotkey());
        hotkey.addClassName("cb-hotkey");
        Div head = new Div(chip, new H3(label.title()), hotkey);
        head.addClassName("cb-label-head");
        Div card = new Div(head, new Paragraph(label.description()));
        card.addClassName("cb-label-card");
        if (label.archived()) {
            card.addClassName("cb-archived");
        }
        if (!label.attributes().isEmpty()) {
            Div attributes = new Div(new Span("Attributes: "));
            attributes.addClassName("cb-muted");
            label.attributes().forEach(a -> {
                Span attribute = new Span(a.title() + (a.required() ? " (required)" : "")
                        + (a.archived() ? " (archived)" : ""));
                attribute.getElement().setAttribute("title", describe(a));
                attribute.addClassName("cb-attribute");
                attributes.add(attribute);
            });
            card.add(attributes);
        }
        return card;
    }

    /** What a person hovering an attribute learns: its type (with a closed list's values) and description. */
    private static String describe(LabelScheme.Attribute attribute) {
        AttributeType type = attribute.attributeType();
        List<String> values = type.allowedValues(attribute);
        return type.title() + (values.isEmpty() ? "" : ": " + String.join(", ", values))
                + (attribute.description() == null || attribute.description().isBlank() ? "" : ". " + attribute.description());
    }
}
