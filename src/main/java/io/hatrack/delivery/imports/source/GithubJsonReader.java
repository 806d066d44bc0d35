package io.hatrack.delivery.imports.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.delivery.imports.ImportFile;
import io.hatrack.delivery.imports.RecordProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Reads GitHub issues as the REST API returns them ({@code GET /repos/{owner}/{repo}/issues}, pages
 * joined into one array), one issue at a time with Jackson's streaming parser. Pull requests come
 * in the same list (with a {@code pull_request} key): they are skipped and counted. An issue's key
 * is {@code owner/repo#number} (from its {@code repository_url}, else {@code #number}); labels
 * become tags, and the labels {@code bug}, {@code epic}, {@code feature} or {@code enhancement},
 * {@code task} choose the type (a story otherwise); the milestone becomes a tag {@code
 * milestone-TITLE}; the state is {@code open}, {@code closed} (completed) or {@code closed (not
 * planned)} from {@code state_reason}; the first assignee is the owner; the body is the
 * description. The list of issues holds no comments (the API gives them elsewhere).
 */
public final class GithubJsonReader implements RecordReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Reader reader;
  private final JsonParser parser;
  private final List<RecordProblem> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private SourceRecord next;
  private boolean ended;
  private long index;

  public GithubJsonReader(ImportFile file, SourceText text) {
    try {
      this.reader = text.open(file);
      this.parser = JSON.getFactory().createParser(reader);
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        close();
        throw new SourceText.Unreadable(
            RecordProblem.ofFile(
                "the file must be a JSON array of issues, as GET /repos/{owner}/{repo}/issues"
                    + " returns it"));
      }
    } catch (JsonProcessingException e) {
      throw new SourceText.Unreadable(syntax(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> columns() {
    return List.of();
  }

  @Override
  public List<RecordProblem> problems() {
    return List.copyOf(problems);
  }

  @Override
  public List<String> notes() {
    return List.copyOf(notes);
  }

  @Override
  public boolean hasNext() {
    while (next == null && !ended) {
      try {
        JsonToken t = parser.nextToken();
        if (t == null || t == JsonToken.END_ARRAY) {
          ended = true;
          break;
        }
        index++;
        JsonLocation at = parser.currentTokenLocation();
        if (t != JsonToken.START_OBJECT) {
          parser.skipChildren();
          problems.add(
              new RecordProblem(
                  "record " + index + " (line " + at.getLineNr() + ")",
                  "is not an object: the file must be an array of issues"));
          continue;
        }
        JsonNode issue = JSON.readTree(parser);
        next = record(issue, at.getLineNr());
      } catch (JsonProcessingException e) {
        problems.add(syntax(e));
        ended = true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SourceRecord r = next;
    next = null;
    return r;
  }

  private SourceRecord record(JsonNode issue, long line) {
    String number = text(issue, "number");
    String repo = repository(text(issue, "repository_url"));
    String key = number == null ? null : repo + "#" + number;
    String where =
        (number == null ? "record " + index : "issue #" + number) + " (line " + line + ")";
    if (issue.hasNonNull("pull_request")) {
      return SourceRecord.skipped(where, key, "pull requests are not imported");
    }
    List<String> recordNotes = new ArrayList<>();
    if (number == null) {
      recordNotes.add("has no number: it cannot be updated by a later import");
    }
    List<String> tags = new ArrayList<>();
    String type = null;
    for (JsonNode label : issue.path("labels")) {
      String name = label.isTextual() ? label.asText() : text(label, "name");
      if (name == null || name.isBlank()) {
        continue;
      }
      String lower = name.strip().toLowerCase(Locale.ROOT);
      if (type == null
          && List.of("bug", "epic", "feature", "enhancement", "task", "story").contains(lower)) {
        type = lower.equals("enhancement") ? "feature" : lower;
      }
      tags.add(name.strip());
    }
    String milestone = text(issue.path("milestone"), "title");
    if (milestone != null) {
      tags.add("milestone-" + milestone);
    }
    String owner = text(issue.path("assignee"), "login");
    if (owner == null && issue.path("assignees").size() > 0) {
      owner = text(issue.path("assignees").get(0), "login");
    }
    String state = text(issue, "state");
    String reason = text(issue, "state_reason");
    String status;
    String category;
    if ("closed".equalsIgnoreCase(state)) {
      boolean notPlanned = "not_planned".equalsIgnoreCase(reason);
      status = notPlanned ? "closed (not planned)" : "closed";
      category = "done";
    } else {
      status = "open";
      category = "todo";
    }
    return new SourceRecord(
        where,
        key,
        text(issue, "id"),
        type,
        text(issue, "title") == null ? "" : text(issue, "title"),
        text(issue, "body") == null ? "" : text(issue, "body"),
        status,
        category,
        null,
        null,
        owner,
        tags,
        List.of(),
        List.of(),
        null,
        recordNotes);
  }

  private static String repository(String url) {
    if (url == null) {
      return "";
    }
    String[] parts = url.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : "";
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
      return null;
    }
    return v.asText();
  }

  private RecordProblem syntax(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return new RecordProblem(
        at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
        "is not valid JSON: " + e.getOriginalMessage());
  }

  @Override
  public void close() {
    try {
      if (parser != null) {
        parser.close();
      }
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
