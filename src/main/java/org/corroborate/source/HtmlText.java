package org.corroborate.source;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of an HTML page: scripts, styles and other non-text dropped, paragraphs kept
 * as line breaks, entities decoded. Metadata comes from the usual meta tags where present.
 */
record HtmlText(String text, String title, String author, String publisher, String url, String published,
                String language) {

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "figure", "table", "ul", "ol", "dl", "hr", "section", "article", "header", "footer", "main",
            "aside", "address");
    private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "figcaption", "caption", "nav",
            "form", "fieldset", "details", "summary");
    private static final String NOT_TEXT = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "video, audio, button, select, textarea, input";

    static HtmlText extract(String html) {
        Document doc = Jsoup.parse(html);
        String title = doc.title().strip();
        String author = meta(doc, "meta[name=author]");
        String publisher = meta(doc, "meta[property=og:site_name]");
        String published = meta(doc, "meta[property=article:published_time]");
        String url = doc.select("link[rel=canonical]").attr("href").strip();
        if (url.isEmpty()) {
            url = meta(doc, "meta[property=og:url]");
        }
        String language = doc.select("html").attr("lang").strip();
        doc.select(NOT_TEXT).remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new Collector(out), doc.body());
        return new HtmlText(tidy(out.toString()), title, author, publisher, url, published, language);
    }

    private static String meta(Document doc, String selector) {
        return doc.select(selector).attr("content").strip();
    }

    /** Trims each line, and keeps at most one blank line between paragraphs. */
    private static String tidy(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int blank = 0;
        for (String line : raw.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(trimmed);
            blank = 0;
        }
        return out.toString();
    }

    private static final class Collector implements NodeVisitor {
        private final StringBuilder out;
        private int preDepth;

        Collector(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String value = preDepth > 0 ? text.getWholeText() : text.text();
                if (preDepth == 0 && value.isBlank()) {
                    if (!out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1))) {
                        out.append(' ');
                    }
                    return;
                }
                out.append(value);
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    out.append('\n');
                } else if (tag.equals("pre")) {
                    preDepth++;
                }
                breakBefore(tag);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("pre")) {
                    preDepth--;
                }
                breakBefore(tag);
            }
        }

        /** Ends the current paragraph (a blank line) or line, once however many blocks close here. */
        private void breakBefore(String tag) {
            if (PARAGRAPHS.contains(tag)) {
                ensureTrailingNewlines(2);
            } else if (LINES.contains(tag)) {
                ensureTrailingNewlines(1);
            }
        }

        private void ensureTrailingNewlines(int wanted) {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
            int have = 0;
            while (have < wanted && have < out.length() && out.charAt(out.length() - 1 - have) == '\n') {
                have++;
            }
            if (!out.isEmpty()) {
                out.append("\n".repeat(wanted - have));
            }
        }
    }
}
