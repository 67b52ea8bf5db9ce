package org.corroborate.scheme.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.corroborate.base.ui.LabelChip;
import java.util.List;
import org.corroborate.scheme.AttributeType;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.project.ProjectService;
import org.corroborate.project.ui.CurrentProject;

/** The label scheme in force and the current project's annotation guidelines, for every reviewer to consult. */
@Route("scheme")
@PageTitle("Label scheme · Corroborate")
@Menu(order = 50, title = "Label scheme", icon = "vaadin:tags")
@PermitAll
public class SchemeView extends VerticalLayout {

    public SchemeView(SchemeService schemes, CurrentProject currentProject, ProjectService projects) {
        LabelScheme scheme = schemes.current();
        addClassName("cb-scheme");
        H2 title = new H2("Label scheme");
        Paragraph version = new Paragraph(scheme.name() + ", version " + scheme.version()
                + (scheme.description() == null ? "" : ". " + scheme.description()));
        version.addClassName("cb-muted");
        Div labels = new Div();
        labels.setId("scheme-labels");
        labels.addClassName("cb-scheme-labels");
        scheme.labels().forEach(label -> labels.add(card(label)));
        add(title, version, labels);
        currentProject.id().flatMap(projects::guidelines).ifPresent(text -> {
            Markdown guidelines = new Markdown(text);
            guidelines.addClassName("cb-guidelines");
            add(guidelines);
        });
    }

    private static Div card(LabelScheme.Label label) {
        LabelChip chip = new LabelChip(label.name(), label.color());
        Span hotkey = new Span(label.hotkey() == null ? "" : "key " + label.hotkey());
        hotkey.addClassName("cb-hotkey");
        Div head = new Div(chip, new H3(label.title()), hotkey);
        head.addClassName("cb-label-head");
        Div card = new Div(head, new Paragraph(label.description()));
        card.addClassName("cb-label-card");
        if (!label.attributes().isEmpty()) {
            Div attributes = new Div(new Span("Attributes: "));
            attributes.addClassName("cb-muted");
            label.attributes().forEach(a -> {
                Span attribute = new Span(a.title() + (a.required() ? " (required)" : ""));
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
