package org.corroborate.annotation.ui;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.corroborate.annotation.AnnotationDetails;

/**
 * What the annotation list shows of the annotations on screen: a label, an author, an attribute
 * (with a value it contains), words of the covered text or note, each {@link WorkspaceModel#ALL} for
 * any, and the order. Matching ignores case.
 *
 * @param attribute an attribute's name: only annotations with a value for it; ALL for any attribute
 * @param value     a part of an attribute's value (of {@code attribute}, or of any attribute)
 * @param text      a part of the covered text or the note
 */
record AnnotationQuery(String label, String author, String attribute, String value, String text, Order order) {

    /** Everything, in text order. */
    static final AnnotationQuery EVERYTHING = new AnnotationQuery(WorkspaceModel.ALL, WorkspaceModel.ALL,
            WorkspaceModel.ALL, WorkspaceModel.ALL, WorkspaceModel.ALL, Order.POSITION);

    AnnotationQuery {
        label = label == null ? WorkspaceModel.ALL : label;
        author = author == null ? WorkspaceModel.ALL : author;
        attribute = attribute == null ? WorkspaceModel.ALL : attribute;
        value = value == null ? WorkspaceModel.ALL : value.strip();
        text = text == null ? WorkspaceModel.ALL : text.strip();
        order = order == null ? Order.POSITION : order;
    }

    /** How the list is sorted; ties go by position. */
    enum Order {
        POSITION("Position in the text", Comparator.comparingInt(AnnotationDetails::start)
                .thenComparing(Comparator.comparingInt(AnnotationDetails::end).reversed())),
        LABEL("Label", Comparator.comparing(AnnotationDetails::label)),
        AUTHOR("Author", Comparator.comparing(AnnotationDetails::author)),
        CHANGED("Last changed", Comparator.comparing(AnnotationQuery::changedAt,
                Comparator.nullsLast(Comparator.reverseOrder())));

        private final String title;
        private final Comparator<AnnotationDetails> comparator;

        Order(String title, Comparator<AnnotationDetails> first) {
            this.title = title;
            this.comparator = this.ordinal() == 0 ? first : first.thenComparing(positionOrder());
        }

        private static Comparator<AnnotationDetails> positionOrder() {
            return Comparator.comparingInt(AnnotationDetails::start)
                    .thenComparing(Comparator.comparingInt(AnnotationDetails::end).reversed())
                    .thenComparing(AnnotationDetails::id, Comparator.nullsLast(Comparator.naturalOrder()));
        }

        String title() {
            return title;
        }

        Comparator<AnnotationDetails> comparator() {
            return comparator;
        }
    }

    /** This query with another label and author, the rest kept. */
    AnnotationQuery withLabelAndAuthor(String newLabel, String newAuthor) {
        return new AnnotationQuery(newLabel, newAuthor, attribute, value, text, order);
    }

    /** Whether an annotation passes every filter. */
    boolean keeps(AnnotationDetails a) {
        return (label.isEmpty() || a.label().equals(label))
                && (author.isEmpty() || a.author().equals(author))
                && keepsAttribute(a.attributes())
                && (text.isEmpty() || contains(a.text(), text) || contains(a.note(), text));
    }

    private boolean keepsAttribute(Map<String, String> attributes) {
        if (attribute.isEmpty()) {
            return value.isEmpty() || attributes.values().stream().anyMatch(v -> contains(v, value));
        }
        String held = attributes.get(attribute);
        return held != null && (value.isEmpty() || contains(held, value));
    }

    private static java.time.Instant changedAt(AnnotationDetails a) {
        return a.modifiedAt() != null ? a.modifiedAt() : a.createdAt();
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
