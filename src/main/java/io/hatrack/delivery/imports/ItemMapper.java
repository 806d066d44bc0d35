package io.hatrack.delivery.imports;

import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItemType;
import io.hatrack.definition.WorkflowState;
import io.hatrack.delivery.imports.source.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns another tool's records into work items of a product, with no I/O: its type (mapped, or by
 * name, or a story), its workflow state (mapped in the preview, or the state of the same name, or
 * the first state of the status's category), its estimate, tags made valid, its owner among the
 * workspace's members, and a fingerprint of it all that tells a re-import whether it changed. What
 * it had to decide (a status mapped by category, an unknown user) is counted for the report.
 */
public final class ItemMapper {
  /** The longest title a work item has; longer ones are cut with a note. */
  static final int MAX_TITLE = 200;

  private static final Pattern NOT_TAG = Pattern.compile("[^\\p{Ll}\\p{Lo}0-9 ._-]+");
  private static final Pattern WONT = Pattern.compile("(?i).*(won.?t|not planned|cancel|reject).*");

  /** A record as the work item it becomes. */
  public record Planned(
      String where,
      String key,
      WorkItemType type,
      String title,
      String description,
      String state,
      Double estimate,
      List<String> tags,
      String owner,
      String parent,
      List<SourceRecord.Comment> comments,
      List<SourceRecord.Link> links,
      String fingerprint) {}

  private final List<WorkflowState> states;
  private final ImportOptions options;
  private final boolean numericEstimates;
  private final Map<String, String> members;
  private final Map<String, String> statusChoice = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, String> typeChoice = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, Integer> unknownUsers = new TreeMap<>();
  private final List<String> notes = new ArrayList<>();
  private long changedTags;
  private long cutTitles;

  /**
   * @param states the product's workflow states in order
   * @param numericEstimates false when the product estimates in t-shirt sizes (numbers are left
   *     out)
   * @param members a workspace member's handle by their handle, e-mail and name in lower case
   */
  public ItemMapper(
      List<WorkflowState> states,
      ImportOptions options,
      boolean numericEstimates,
      Map<String, String> members) {
    this.states = List.copyOf(states);
    this.options = options;
    this.numericEstimates = numericEstimates;
    this.members = Map.copyOf(members);
  }

  /** Problems of the mapping itself: a status mapped to a state that does not exist, ... */
  public List<RecordProblem> check() {
    List<RecordProblem> problems = new ArrayList<>();
    options
        .statuses()
        .forEach(
            (from, to) -> {
              if (byName(to).isEmpty()) {
                problems.add(
                    new RecordProblem(
                        "mapping status:" + from,
                        "\""
                            + to
                            + "\" is not a state of the workflow ("
                            + String.join(", ", states.stream().map(WorkflowState::name).toList())
                            + ")"));
              }
            });
    options
        .types()
        .forEach(
            (from, to) -> {
              if (parseType(to).isEmpty()) {
                problems.add(
                    new RecordProblem(
                        "mapping type:" + from,
                        "\"" + to + "\" is not a type (epic, feature, story, bug, task, ...)"));
              }
            });
    return problems;
  }

  /** The record as a work item, or problems that keep it out (added to {@code problems}). */
  public Optional<Planned> plan(SourceRecord r, List<RecordProblem> problems) {
    int before = problems.size();
    String title = r.title() == null ? "" : r.title().strip().replaceAll("\\s+", " ");
    if (title.isEmpty()) {
      problems.add(new RecordProblem(r.where(), "has no title"));
    } else if (title.length() > MAX_TITLE) {
      title = title.substring(0, MAX_TITLE - 1) + "…";
      cutTitles++;
    }
    String description = r.description() == null ? "" : r.description();
    if (description.length() > 100_000) {
      problems.add(
          new RecordProblem(
              r.where(),
              "its description has " + description.length() + " characters; the most is 100,000"));
    }
    Double estimate = null;
    if (r.estimate() != null && !r.estimate().isBlank() && numericEstimates) {
      try {
        estimate = Double.parseDouble(r.estimate().strip().replace(',', '.'));
        if (estimate.isNaN() || estimate < 0 || estimate > 10_000) {
          problems.add(
              new RecordProblem(
                  r.where(), "the estimate " + r.estimate() + " is not from 0 to 10,000"));
        }
      } catch (NumberFormatException e) {
        problems.add(
            new RecordProblem(r.where(), "the estimate \"" + r.estimate() + "\" is not a number"));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    WorkItemType type = type(r.type());
    String state = state(r.status(), r.statusCategory());
    List<String> tags = tags(r.tags());
    String owner = owner(r.owner());
    Planned p =
        new Planned(
            r.where(),
            r.externalKey(),
            type,
            title,
            description,
            state,
            estimate,
            tags,
            owner,
            r.parent(),
            r.comments(),
            r.links(),
            null);
    return Optional.of(withFingerprint(p));
  }

  private Optional<WorkflowState> byName(String name) {
    return states.stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
  }

  private static Optional<WorkItemType> parseType(String value) {
    for (WorkItemType t : WorkItemType.values()) {
      if (t.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The work-item type of a tool's type: mapped, by name, by a known alias, else a story. */
  WorkItemType type(String source) {
    String name = source == null || source.isBlank() ? "" : source.strip();
    String mapped =
        options.types().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    WorkItemType type;
    String how;
    if (mapped != null && parseType(mapped).isPresent()) {
      type = parseType(mapped).get();
      how = "mapped";
    } else if (parseType(name).isPresent()) {
      type = parseType(name).get();
      how = "same name";
    } else {
      type =
          switch (name.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "")) {
            case "subtask", "spike", "chore", "technicaltask" -> WorkItemType.TASK;
            case "newfeature", "enhancement" -> WorkItemType.FEATURE;
            case "defect", "incident", "problem" -> WorkItemType.BUG;
            default -> WorkItemType.STORY;
          };
      how = name.isEmpty() ? "no type given" : "guessed";
    }
    if (!name.isEmpty() || !typeChoice.containsKey("(none)")) {
      typeChoice.putIfAbsent(name.isEmpty() ? "(none)" : name, type.id() + " (" + how + ")");
    }
    return type;
  }

  /** The state of a tool's status: mapped, same name, known alias, else by its category. */
  String state(String source, String category) {
    String name = source == null ? "" : source.strip();
    String mapped =
        options.statuses().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    WorkflowState state;
    String how;
    if (mapped != null && byName(mapped).isPresent()) {
      state = byName(mapped).get();
      how = "mapped";
    } else if (!name.isEmpty() && byName(name).isPresent()) {
      state = byName(name).get();
      how = "same name";
    } else {
      StateCategory c = category(name, category);
      state = first(c, WONT.matcher(name).matches());
      how =
          name.isEmpty()
              ? "no status given"
              : "by category " + c.id() + (category == null ? ", guessed from the name" : "");
    }
    statusChoice.putIfAbsent(name.isEmpty() ? "(none)" : name, state.name() + " (" + how + ")");
    return state.name();
  }

  private static StateCategory category(String name, String given) {
    if (given != null) {
      for (StateCategory c : StateCategory.values()) {
        if (c.id().equals(given)) {
          return c;
        }
      }
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("closed")
        || n.contains("done")
        || n.contains("resolved")
        || WONT.matcher(n).matches()) {
      return StateCategory.DONE;
    }
    if (n.contains("progress")
        || n.contains("review")
        || n.contains("doing")
        || n.contains("test")) {
      return StateCategory.DOING;
    }
    return StateCategory.NOT_STARTED;
  }

  /** The first state of a category (for "won't do" statuses, one named so if there is one). */
  private WorkflowState first(StateCategory c, boolean wont) {
    List<WorkflowState> of = states.stream().filter(s -> s.category() == c).toList();
    if (of.isEmpty()) {
      return states.get(0);
    }
    if (c == StateCategory.DONE) {
      Optional<WorkflowState> named =
          of.stream().filter(s -> WONT.matcher(s.name()).matches()).findFirst();
      Optional<WorkflowState> plain =
          of.stream().filter(s -> !WONT.matcher(s.name()).matches()).findFirst();
      return wont ? named.orElse(of.get(of.size() - 1)) : plain.orElse(of.get(0));
    }
    return of.get(0);
  }

  /** Tags made valid: lower case, other characters as dashes, at most 40 characters. */
  List<String> tags(List<String> given) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : given) {
      String lower = t.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      String clean = NOT_TAG.matcher(lower).replaceAll("-").replaceAll("^[ ._-]+", "");
      if (clean.length() > 40) {
        clean = clean.substring(0, 40).strip();
      }
      if (!clean.equals(lower)) {
        changedTags++;
      }
      if (!clean.isEmpty()) {
        out.add(clean);
      }
      if (out.size() == 50) {
        break;
      }
    }
    return List.copyOf(out);
  }

  private String owner(String source) {
    if (source == null || source.isBlank()) {
      return null;
    }
    String handle = members.get(source.strip().toLowerCase(Locale.ROOT));
    if (handle == null) {
      unknownUsers.merge(source.strip(), 1, Integer::sum);
    }
    return handle;
  }

  /** The member a comment's author is, by handle, if any. */
  public Optional<String> member(String name) {
    return name == null
        ? Optional.empty()
        : Optional.ofNullable(members.get(name.strip().toLowerCase(Locale.ROOT)));
  }

  /** The members' handles by handle, e-mail and name in lower case, as given. */
  Map<String, String> memberHandles() {
    return members;
  }

  private static Planned withFingerprint(Planned p) {
    StringBuilder s = new StringBuilder();
    s.append(p.type().id()).append('\u0001').append(p.title()).append('\u0001');
    s.append(p.description()).append('\u0001').append(p.state()).append('\u0001');
    s.append(p.estimate()).append('\u0001').append(new TreeSet<>(p.tags())).append('\u0001');
    s.append(p.owner()).append('\u0001').append(p.parent()).append('\u0001');
    for (SourceRecord.Comment c : p.comments()) {
      s.append(c.author()).append('\u0002').append(c.at()).append('\u0002').append(c.text());
    }
    for (SourceRecord.Link l : p.links()) {
      s.append(l.type()).append('\u0002').append(l.target()).append(l.reverse());
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      String fingerprint = HexFormat.of().formatHex(hash, 0, 12);
      return new Planned(
          p.where(),
          p.key(),
          p.type(),
          p.title(),
          p.description(),
          p.state(),
          p.estimate(),
          p.tags(),
          p.owner(),
          p.parent(),
          p.comments(),
          p.links(),
          fingerprint);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each of the file's statuses and the state it went to, and how it was chosen. */
  public Map<String, String> statuses() {
    return new LinkedHashMap<>(statusChoice);
  }

  /** Each of the file's types and the type it became. */
  public Map<String, String> types() {
    return new LinkedHashMap<>(typeChoice);
  }

  /** What the report says of the mapping: unknown users, tags changed, titles cut. */
  public List<String> notes() {
    List<String> out = new ArrayList<>(notes);
    if (!unknownUsers.isEmpty()) {
      List<String> names = new ArrayList<>();
      unknownUsers.forEach((n, c) -> names.add(n + " (" + c + ")"));
      out.add(
          "unknown users, not members of the workspace, left unassigned: "
              + String.join(", ", names.subList(0, Math.min(20, names.size())))
              + (names.size() > 20 ? " and " + (names.size() - 20) + " more" : ""));
    }
    if (changedTags > 0) {
      out.add(
          changedTags
              + " labels were changed to be valid tags (lower case; letters, digits, spaces,"
              + " dots, dashes and underscores; at most 40 characters)");
    }
    if (cutTitles > 0) {
      out.add(cutTitles + " titles longer than " + MAX_TITLE + " characters were cut");
    }
    if (!numericEstimates) {
      out.add("the product estimates in t-shirt sizes: the file's estimates were left out");
    }
    return out;
  }
}
