package org.corroborate.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The frame's Display button: colour scheme (follow the system, light, dark), the reading text's
 * size and the density of the page. These are settings of the device, not of the account: they are
 * kept in the browser's localStorage and applied before the first paint by {@code display-settings.js}
 * (inlined by the app shell), which this component calls through {@code window.cbDisplay}.
 */
public class DisplaySettings extends Composite<Div> {

    /** The choices of each setting, by the value display-settings.js keeps, with the words shown. */
    static final Map<String, String> THEMES = choices("system", "Follow the system", "light", "Light", "dark", "Dark");
    static final Map<String, String> TEXT_SIZES = choices("s", "Small", "m", "Medium", "l", "Large", "xl", "Extra large");
    static final Map<String, String> DENSITIES = choices("comfortable", "Comfortable", "compact", "Compact");

    private final RadioButtonGroup<String> theme = group("display-theme", "Colours", THEMES, "theme");
    private final RadioButtonGroup<String> text = group("display-text", "Reading text size", TEXT_SIZES, "text");
    private final RadioButtonGroup<String> density = group("display-density", "Density", DENSITIES, "density");

    public DisplaySettings() {
        Button open = new Button(VaadinIcon.ADJUST.create());
        open.setId("display-settings");
        open.setAriaLabel("Display settings");
        open.setTooltipText("Display: colours, text size, density");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        Popover popover = new Popover();
        popover.setTarget(open);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setAriaLabel("Display settings");
        popover.setModal(false);
        H3 heading = new H3("Display");
        heading.setId("display-settings-heading");
        Paragraph where = new Paragraph("Kept in this browser, for this device only.");
        where.addClassName("cb-muted");
        Div panel = new Div(heading, theme, text, density, where);
        panel.setId("display-settings-panel");
        panel.addClassName("cb-display-settings");
        popover.add(panel);
        getContent().add(open, popover);
        getContent().addClassName("cb-display");
    }

    private RadioButtonGroup<String> group(String id, String label, Map<String, String> choices, String setting) {
        RadioButtonGroup<String> group = new RadioButtonGroup<>(label);
        group.setId(id);
        group.setItems(choices.keySet());
        group.setItemLabelGenerator(choices::get);
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                group.getElement().executeJs("window.cbDisplay && window.cbDisplay.set($0, $1)", setting, e.getValue());
            }
        });
        return group;
    }

    /** Shows what this browser keeps (the script applied it already; here the choices only follow). */
    @Override
    protected void onAttach(AttachEvent event) {
        getElement().executeJs("return window.cbDisplay ? window.cbDisplay.read() : null").then(settings -> {
            if (settings != null && !settings.isNull()) {
                theme.setValue(settings.get("theme").asString());
                text.setValue(settings.get("text").asString());
                density.setValue(settings.get("density").asString());
            }
        });
    }

    private static Map<String, String> choices(String... valuesAndWords) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndWords.length; i += 2) {
            choices.put(valuesAndWords[i], valuesAndWords[i + 1]);
        }
        return choices;
    }
}
