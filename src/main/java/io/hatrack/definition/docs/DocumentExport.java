package io.hatrack.definition.docs;

import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Markdown;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A document as a file to download: Markdown with its title as the first heading, or one standalone
 * HTML file with its own styles. The HTML is the kernel's safe rendering of the Markdown (raw HTML
 * escaped, only http, https and mailto links), and the file carries a Content-Security-Policy that
 * forbids scripts wherever it is opened.
 */
public final class DocumentExport {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private static final String STYLE =
      """
      :root { color-scheme: light dark; --text: #1b1d23; --muted: #5b6170; --border: #e3e5ea;
        --soft: #f1f2f5; --accent: #4f46e5; }
      @media (prefers-color-scheme: dark) { :root { --text: #e8eaef; --muted: #a7adba;
        --border: #2b3039; --soft: #20242c; --accent: #8b93ff; } }
      body { font: 16px/1.65 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial,
        sans-serif; color: var(--text); max-width: 46rem; margin: 3rem auto; padding: 0 1.25rem; }
      header { border-bottom: 1px solid var(--border); margin-bottom: 2rem; padding-bottom: 1rem; }
      .key { font: 600 0.8rem ui-monospace, Menlo, Consolas, monospace; color: var(--muted); }
      h1 { font-size: 2rem; line-height: 1.2; margin: 0.25rem 0 0.75rem; }
      h2 { font-size: 1.35rem; margin-top: 2rem; }
      h3 { font-size: 1.1rem; margin-top: 1.5rem; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0;
        font-size: 0.875rem; }
      dt { color: var(--muted); }
      dd { margin: 0; }
      a { color: var(--accent); }
      table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.925rem; }
      th, td { border: 1px solid var(--border); padding: 0.4rem 0.6rem; text-align: left;
        vertical-align: top; }
      th { background: var(--soft); }
      code { font: 0.875em ui-monospace, Menlo, Consolas, monospace; background: var(--soft);
        padding: 0.1em 0.3em; border-radius: 4px; }
      pre { background: var(--soft); padding: 0.75rem 1rem; border-radius: 6px; overflow: auto; }
      pre code { background: none; padding: 0; }
      blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--border);
        color: var(--muted); }
      img { max-width: 100%; }
      footer { margin-top: 3rem; color: var(--muted); font-size: 0.8rem; }
      @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
      """;

  private final Html html;

  public DocumentExport(Html html) {
    this.html = html;
  }

  /** The document as Markdown: its title as a level-1 heading, then its body. */
  public String markdown(Document d) {
    String body = d.body().strip();
    return "# " + d.title() + "\n\n" + (body.isEmpty() ? "" : body + "\n");
  }

  /** The document as one standalone, styled HTML file, with times in {@code zone}. */
  public String html(Document d, String productName, ZoneId zone) {
    String approvers =
        d.approvals().stream()
            .map(
                a ->
                    escape(a.approver().name())
                        + " ("
                        + escape(a.decision().label().toLowerCase(Locale.ENGLISH))
                        + (a.decidedVersion() == null ? "" : ", version " + a.decidedVersion())
                        + ")")
            .collect(Collectors.joining(", "));
    StringBuilder out = new StringBuilder(d.body().length() * 2 + 4096);
    out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'; img-src https: data:\">\n")
        .append("<meta name=\"generator\" content=\"Hatrack\">\n")
        .append("<title>")
        .append(escape(d.key() + " " + d.title()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n<div class=\"key\">")
        .append(escape(d.key()))
        .append(" · ")
        .append(escape(productName))
        .append("</div>\n<h1>")
        .append(escape(d.title()))
        .append("</h1>\n<dl>\n<dt>Status</dt><dd>")
        .append(escape(d.status().label()))
        .append("</dd>\n<dt>Version</dt><dd>")
        .append(d.latestVersion())
        .append(", saved ")
        .append(escape(DATE.format(d.item().updatedAt().atZone(zone))))
        .append("</dd>\n");
    if (!approvers.isEmpty()) {
      out.append("<dt>Approvers</dt><dd>").append(approvers).append("</dd>\n");
    }
    out.append("<dt>Template</dt><dd>")
        .append(escape(d.templateName()))
        .append("</dd>\n</dl>\n</header>\n<main>\n")
        .append(html.markdown(d.body(), Markdown.Context.NONE))
        .append("\n</main>\n<footer>Exported from Hatrack.</footer>\n</body>\n</html>\n");
    return out.toString();
  }

  /** A file name for the document, e.g. {@code CHK-57-one-click-saved-cards.md}. */
  public static String filename(Document d, String extension) {
    String ascii =
        Normalizer.normalize(d.title(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 60) {
      ascii = ascii.substring(0, 60).replaceAll("-+$", "");
    }
    String key = d.key() == null ? "document-" + d.id() : d.key();
    return key + (ascii.isEmpty() ? "" : "-" + ascii) + "." + extension;
  }

  /** The Content-Disposition header that makes a browser save {@code filename}. */
  public static String attachment(String filename) {
    String quoted = filename.replaceAll("[^A-Za-z0-9._-]", "_");
    return "attachment; filename=\""
        + quoted
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
