package io.hatrack.delivery.imports.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.delivery.imports.ImportFile;
import io.hatrack.delivery.imports.RecordProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a Trello board's JSON export ("Print, export and share" → "Export as JSON"). A board is one
 * object, read whole (Trello's exports are a few megabytes at most); its cards become records. A
 * card's list is its status (mapped to a workflow state in the preview; a list named like
 * done/doing/review is guessed as such); its labels become tags (the label {@code bug} makes it a
 * bug, otherwise it is a story); its checklists are appended to its description as Markdown task
 * lists ({@code - [x] item}), one heading per checklist, because a card's checklist is a to-do list
 * of the card rather than acceptance criteria; the comments are the board's {@code commentCard}
 * actions; the first member is the owner. Archived cards, and cards of archived lists, are skipped
 * and counted. The key is the card's id.
 */
public final class TrelloJsonReader implements RecordReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Iterator<JsonNode> cards;
  private final Map<String, JsonNode> lists = new HashMap<>();
  private final Map<String, String> members = new HashMap<>();
  private final Map<String, List<JsonNode>> checklists = new HashMap<>();
  private final Map<String, List<SourceRecord.Comment>> comments = new HashMap<>();
  private final List<String> notes = new ArrayList<>();
  private long index;

  public TrelloJsonReader(ImportFile file, SourceText text) {
    JsonNode board;
    try (Reader reader = text.open(file)) {
      board = JSON.readTree(reader);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new SourceText.Unreadable(
          new RecordProblem(
              at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
              "is not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (board == null || !board.isObject() || !board.path("cards").isArray()) {
      throw new SourceText.Unreadable(
          RecordProblem.ofFile(
              "the file is not a Trello board export: it must be an object with \"cards\" (and"
                  + " \"lists\")"));
    }
    for (JsonNode list : board.path("lists")) {
      lists.put(list.path("id").asText(), list);
    }
    for (JsonNode m : board.path("members")) {
      String name = m.path("username").asText(m.path("fullName").asText(""));
      members.put(m.path("id").asText(), name);
    }
    for (JsonNode c : board.path("checklists")) {
      checklists.computeIfAbsent(c.path("idCard").asText(), k -> new ArrayList<>()).add(c);
    }
    for (JsonNode a : board.path("actions")) {
      if (!"commentCard".equals(a.path("type").asText())) {
        continue;
      }
      String card = a.path("data").path("card").path("id").asText();
      JsonNode by = a.path("memberCreator");
      String author = by.path("username").asText(by.path("fullName").asText(""));
      Instant at = null;
      try {
        at = a.hasNonNull("date") ? Instant.parse(a.path("date").asText()) : null;
      } catch (DateTimeParseException e) {
        at = null;
      }
      comments
          .computeIfAbsent(card, k -> new ArrayList<>())
          .add(
              new SourceRecord.Comment(
                  author.isBlank() ? null : author, at, a.path("data").path("text").asText("")));
    }
    // Trello lists actions newest first; comments read best oldest first.
    comments
        .values()
        .forEach(l -> l.sort(Comparator.comparing(c -> c.at() == null ? Instant.EPOCH : c.at())));
    String name = board.path("name").asText("");
    notes.add(
        "board \""
            + name
            + "\": "
            + lists.size()
            + " lists, "
            + board.path("cards").size()
            + " cards; checklists are added to the descriptions as task lists");
    this.cards = board.path("cards").elements();
  }

  @Override
  public List<String> columns() {
    return List.of();
  }

  @Override
  public List<RecordProblem> problems() {
    return List.of();
  }

  @Override
  public List<String> notes() {
    return List.copyOf(notes);
  }

  @Override
  public boolean hasNext() {
    return cards.hasNext();
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    index++;
    return record(cards.next());
  }

  private SourceRecord record(JsonNode card) {
    String id = card.path("id").asText(null);
    String title = card.path("name").asText("");
    String where =
        "card "
            + (id == null ? "#" + index : id)
            + " \""
            + (title.length() > 40 ? title.substring(0, 39) + "…" : title)
            + "\"";
    JsonNode list = lists.get(card.path("idList").asText());
    if (card.path("closed").asBoolean(false)) {
      return SourceRecord.skipped(where, id, "archived cards are not imported");
    }
    if (list != null && list.path("closed").asBoolean(false)) {
      return SourceRecord.skipped(where, id, "cards of archived lists are not imported");
    }
    List<String> tags = new ArrayList<>();
    String type = null;
    for (JsonNode label : card.path("labels")) {
      String name = label.path("name").asText("").strip();
      if (name.isEmpty()) {
        name = label.path("color").asText("").strip();
      }
      if (name.isEmpty()) {
        continue;
      }
      if (type == null && List.of("bug", "epic", "feature", "task").contains(lower(name))) {
        type = lower(name);
      }
      tags.add(name);
    }
    String owner = null;
    if (card.path("idMembers").size() > 0) {
      owner = members.get(card.path("idMembers").get(0).asText());
    }
    String status = list == null ? null : list.path("name").asText(null);
    return new SourceRecord(
        where,
        id,
        card.path("idShort").asText(null),
        type,
        title,
        description(card, id),
        status,
        category(status),
        null,
        null,
        owner,
        tags,
        comments.getOrDefault(id, List.of()),
        List.of(),
        null,
        List.of());
  }

  private String description(JsonNode card, String id) {
    StringBuilder text = new StringBuilder(card.path("desc").asText(""));
    List<JsonNode> lists = new ArrayList<>(checklists.getOrDefault(id, List.of()));
    lists.sort(Comparator.comparingDouble(c -> c.path("pos").asDouble()));
    for (JsonNode checklist : lists) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      text.append("### ").append(checklist.path("name").asText("Checklist")).append('\n');
      List<JsonNode> items = new ArrayList<>();
      checklist.path("checkItems").forEach(items::add);
      items.sort(Comparator.comparingDouble(i -> i.path("pos").asDouble()));
      for (JsonNode item : items) {
        boolean done = "complete".equals(item.path("state").asText());
        text.append("\n- [")
            .append(done ? 'x' : ' ')
            .append("] ")
            .append(item.path("name").asText(""));
      }
    }
    return text.toString();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** A list's category guessed from its name; the preview can map it otherwise. */
  static String category(String list) {
    if (list == null) {
      return null;
    }
    String n = lower(list);
    if (n.contains("done") || n.contains("complete") || n.contains("shipped")) {
      return "done";
    }
    if (n.contains("doing") || n.contains("progress") || n.contains("review")) {
      return "doing";
    }
    return "todo";
  }

  @Override
  public void close() {
    // The board was read whole when opened.
  }
}
