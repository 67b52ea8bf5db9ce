package org.corroborate.base.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A label's title on its scheme colour, the same wherever a label is shown (the list of
 * annotations, curation, adjudication, agreement, the scheme, export filters). The text is black or
 * white, whichever contrasts more with the colour, so light colours stay readable.
 */
public final class LabelChip extends Span {

    /** The colour of a label the scheme does not know (an imported one, say), wherever it is drawn. */
    public static final String UNKNOWN_COLOR = "#616161";
    private static final Pattern RGB = Pattern.compile("#[0-9a-fA-F]{6}");

    /**
     * A label the chip names by its name in data (the scheme page's name column, a label the scheme lacks).
     *
     * @param name  the label's name, as stored on annotations
     * @param color the label's colour as {@code #rrggbb}, or null when the scheme has no such label
     */
    public LabelChip(String name, String color) {
        this(name, name, color);
    }

    /**
     * @param name  the label's name, as stored on annotations (the chip's {@code data-label})
     * @param title what the chip reads: the label's title from the scheme ("Fact" for FACT)
     * @param color the label's colour as {@code #rrggbb}, or null when the scheme has no such label
     */
    public LabelChip(String name, String title, String color) {
        super(title);
        String background = color != null && RGB.matcher(color).matches() ? color : UNKNOWN_COLOR;
        addClassName("cb-label-chip");
        getElement().setAttribute("data-label", name);
        getStyle().set("--cb-label-color", background).set("--cb-label-ink", inkOn(background));
    }

    /** {@code #000000} or {@code #ffffff}: the text colour with the higher WCAG contrast ratio on {@code #rrggbb}. */
    public static String inkOn(String color) {
        double background = luminance(color);
        double withWhite = 1.05 / (background + 0.05);
        double withBlack = (background + 0.05) / 0.05;
        return withBlack > withWhite ? "#000000" : "#ffffff";
    }

    /** WCAG 2 relative luminance of an sRGB colour {@code #rrggbb}, from 0 (black) to 1 (white). */
    static double luminance(String color) {
        int rgb = Integer.parseInt(color.substring(1).toLowerCase(Locale.ROOT), 16);
        return 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
