package io.hatrack.delivery.imports.source;

import java.time.Instant;
import java.util.List;

/**
 * One record of another tool's file (a Jira issue, a GitHub issue, a Trello card, a CSV row) as the
 * tool writes it, before Hatrack maps it to a work item: every value is the tool's own text.
 *
 * @param where how messages name the record, e.g. {@code line 7 (PROJ-12)} or {@code issue #41}
 * @param externalKey the record's key in the tool (PROJ-12, owner/repo#41, a card id), or null
 * @param sourceId the tool's other id of it (Jira's numeric issue id), or null
 * @param type the tool's type of it (Story, Sub-task, a label such as bug), or null
 * @param status the tool's status or list name, or null
 * @param statusCategory todo, doing or done when the tool says which, else null
 * @param parent the key or id of the record above it (parent, epic link), or null
 * @param estimate the estimate as written (story points), or null
 * @param owner the assignee as the tool names them (name, login, e-mail), or null
 * @param skip why the record is left out (a pull request, an archived card), or null
 * @param notes what the import should report about this record
 */
public record SourceRecord(
    String where,
    String externalKey,
    String sourceId,
    String type,
    String title,
    String description,
    String status,
    String statusCategory,
    String parent,
    String estimate,
    String owner,
    List<String> tags,
    List<Comment> comments,
    List<Link> links,
    String skip,
    List<String> notes) {

  public SourceRecord {
    tags = List.copyOf(tags);
    comments = List.copyOf(comments);
    links = List.copyOf(links);
    notes = List.copyOf(notes);
  }

  /** A comment as the tool wrote it: its author's name, when, and its text. */
  public record Comment(String author, Instant at, String text) {}

  /**
   * A link to another record of the tool.
   *
   * @param type depends-on, relates-to or duplicates (from this record to the target)
   * @param target the other record's key
   * @param reverse true when the target is the source of the link ("is blocked by" as "blocks")
   */
  public record Link(String type, String target, boolean reverse) {}

  /** A record left out, for the report's counts. */
  public static SourceRecord skipped(String where, String externalKey, String why) {
    return new SourceRecord(
        where,
        externalKey,
        null,
        null,
        "",
        "",
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        why,
        List.of());
  }
}
