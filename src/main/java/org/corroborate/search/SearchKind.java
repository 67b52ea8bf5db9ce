package org.corroborate.search;

/** What a hit is: a place in a source's text, or an annotation. JSON names {@code text} and {@code annotation}. */
public enum SearchKind {
    TEXT, ANNOTATION
}
