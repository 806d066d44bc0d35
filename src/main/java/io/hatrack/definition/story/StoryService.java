package io.hatrack.definition.story;

import io.hatrack.definition.Patch;
import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.WorkItemStore;
import io.hatrack.definition.WorkItemType;
import io.hatrack.definition.WorkflowStore;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * User stories: the quality check (INVEST and vague words) of a story, its acceptance criteria read
 * and written as scenarios, and the Gherkin export of a story or of everything under a feature or
 * epic. Reads and writes work items through {@link WorkItemService}, so its rules, permissions,
 * versions and audit apply unchanged.
 */
public final class StoryService {
  /** The most stories one export holds. */
  static final int MAX_EXPORTED_STORIES = 2_000;

  private static final int MAX_DEPTH = 8;

  private final Database db;
  private final StoryStore store;
  private final WorkItemService workItems;
  private final ProductService products;
  private final LinkService links;

  public StoryService(
      Database db,
      StoryStore store,
      WorkItemService workItems,
      ProductService products,
      LinkService links) {
    this.db = db;
    this.store = store;
    this.workItems = workItems;
    this.products = products;
    this.links = links;
  }

  /** A story with the findings of its quality check. */
  public record Quality(WorkItem story, List<StoryQuality.Finding> findings) {
    public Quality {
      findings = List.copyOf(findings);
    }

    public long count(StoryQuality.Verdict verdict) {
      return StoryQuality.count(findings, verdict);
    }
  }

  /**
   * A work item's acceptance criteria as read: its scenarios, or why they cannot be read.
   *
   * @param canEdit whether the reader may change them (editors)
   */
  public record Acceptance(WorkItem item, AcceptanceCriteria.Reading reading, boolean canEdit) {}

  /** A Gherkin file: its name (e.g. CHK-42.feature) and text. */
  public record Export(String fileName, String text) {}

  /** The quality check of a story; refused for other kinds of work item. */
  public Quality quality(User actor, String ref) {
    WorkItemService.View view = workItems.get(actor, ref);
    WorkItem story = view.item();
    if (story.type() != WorkItemType.STORY) {
      throw Invalid.field(
          "item",
          story.key()
              + " is "
              + article(story.type())
              + "; the quality check is for stories (its checks are about one story's size,"
              + " value and tests)");
    }
    WorkflowStore.Settings settings = view.settings();
    StoryQuality.Input input =
        new StoryQuality.Input(
            story.title(),
            story.storyRole(),
            story.storyGoal(),
            story.storyBenefit(),
            story.description(),
            story.acceptance(),
            settings.estimateUnit(),
            story.estimate(),
            story.size(),
            settings.storySizeLimit(),
            dependencies(actor, story));
    return new Quality(story, StoryQuality.check(input));
  }

  private static String article(WorkItemType type) {
    boolean vowel =
        type == WorkItemType.EPIC
            || type == WorkItemType.OBJECTIVE
            || type == WorkItemType.INITIATIVE;
    return (vowel ? "an " : "a ") + type.id();
  }

  /** What the story depends on ("depends on" links from it to work items), with their state. */
  private List<StoryQuality.Dependency> dependencies(User actor, WorkItem story) {
    List<StoryQuality.Dependency> deps = new ArrayList<>();
    for (Link link : links.list(actor, Long.toString(story.id()))) {
      if (!link.outgoing()
          || !LinkTypes.DEPENDS.id().equals(link.type())
          || !WorkItemStore.KIND.equals(link.other().kind())) {
        continue;
      }
      try {
        WorkItem target = workItems.get(actor, Long.toString(link.other().id())).item();
        deps.add(
            new StoryQuality.Dependency(
                target.key(),
                target.title(),
                target.state().name(),
                target.state().category() == StateCategory.DONE));
      } catch (NotFound ignored) {
        // Deleted or moved out of sight between the two reads: it no longer holds the story up.
      }
    }
    return deps;
  }

  /** A work item's acceptance criteria. */
  public Acceptance acceptance(User actor, String ref) {
    WorkItemService.View view = workItems.get(actor, ref);
    WorkItem item = view.item();
    return new Acceptance(
        item,
        AcceptanceCriteria.read(item.acceptance()),
        view.access().role().atLeast(Role.EDITOR));
  }

  /**
   * Replaces a work item's acceptance criteria with {@code text} if the item is still at {@code
   * expectedVersion}; text that cannot be read is refused with its line numbers, and blank text
   * clears the criteria.
   */
  public Acceptance saveAcceptance(User actor, String ref, long expectedVersion, String text) {
    String value = text == null ? "" : text.strip();
    AcceptanceCriteria.validate(value);
    WorkItem saved = workItems.update(actor, ref, expectedVersion, acceptanceChange(value));
    return new Acceptance(saved, AcceptanceCriteria.read(saved.acceptance()), true);
  }

  /** Replaces the acceptance criteria with {@code scenarios}, written in the canonical form. */
  public Acceptance saveScenarios(
      User actor, String ref, long expectedVersion, List<AcceptanceCriteria.Scenario> scenarios) {
    return saveAcceptance(actor, ref, expectedVersion, AcceptanceCriteria.format(scenarios));
  }

  /** Changes only the acceptance criteria of a work item. */
  static WorkItemChanges acceptanceChange(String text) {
    WorkItemChanges none = WorkItemChanges.none();
    return new WorkItemChanges(
        none.title(),
        none.type(),
        none.description(),
        none.status(),
        none.owner(),
        none.parent(),
        none.estimate(),
        none.size(),
        none.position(),
        none.storyRole(),
        none.storyGoal(),
        none.storyBenefit(),
        Patch.of(text));
  }

  /**
   * The Gherkin file of a story, or of the stories under a feature, epic, initiative or objective
   * (depth first, in each level's rank order).
   */
  public Export gherkin(User actor, String ref) {
    WorkItem root = workItems.get(actor, ref).item();
    String text;
    if (root.type() == WorkItemType.STORY) {
      text = GherkinExport.story(story(root, null));
    } else if (root.type() == WorkItemType.BUG || root.type() == WorkItemType.TASK) {
      throw Invalid.field(
          "item",
          root.key()
              + " is a "
              + root.type().id()
              + "; export a story, or the feature or epic its stories sit under");
    } else {
      List<GherkinExport.Story> stories = new ArrayList<>();
      collect(actor, root, root, stories, 0);
      text =
          GherkinExport.feature(
              new GherkinExport.Source(root.key(), root.title(), root.description()), stories);
    }
    return new Export(GherkinExport.fileName(root.key()), text);
  }

  private void collect(
      User actor, WorkItem root, WorkItem node, List<GherkinExport.Story> into, int depth) {
    for (WorkItem child : workItems.children(actor, Long.toString(node.id()))) {
      if (into.size() >= MAX_EXPORTED_STORIES) {
        return;
      }
      if (child.type() == WorkItemType.STORY) {
        into.add(
            story(child, node == root ? null : node.key() + " \u201c" + node.title() + "\u201d"));
      } else if (child.type() != WorkItemType.BUG
          && child.type() != WorkItemType.TASK
          && depth < MAX_DEPTH) {
        collect(actor, root, child, into, depth + 1);
      }
    }
  }

  private static GherkinExport.Story story(WorkItem w, String under) {
    return new GherkinExport.Story(
        w.key(), w.title(), w.storyRole(), w.storyGoal(), w.storyBenefit(), w.acceptance(), under);
  }

  /** The first live work item of a type with exactly this title in a product (for the demo). */
  public Optional<WorkItem> findByTitle(User actor, String productRef, String type, String title) {
    Optional<Long> id =
        db.read(
            h ->
                store.idByTitle(
                    h,
                    products.access(h, actor, productRef).id(),
                    type.toLowerCase(Locale.ROOT),
                    title));
    return id.map(i -> workItems.get(actor, Long.toString(i)).item());
  }

  /**
   * Finds a work item for the command line, which acts for whoever administers the installation: by
   * id or key, in the workspace with the slug {@code workspaceRef} when given, with the owner of
   * its workspace to act as. Unknown: {@link NotFound}; a key in several workspaces without {@code
   * workspaceRef}: an {@link Invalid} naming them.
   */
  public StoryStore.Located locateAsAdministrator(String ref, String workspaceRef) {
    Ref r = new Ref(ref == null ? "" : ref.trim());
    if (r.id().isEmpty() && r.productKey() == null) {
      throw Invalid.field("item", "must be a key such as CHK-42, or an id");
    }
    List<StoryStore.Located> found =
        db.read(
            h ->
                r.id().isPresent()
                    ? store.byId(h, r.id().getAsLong()).stream().toList()
                    : store.byKey(h, r.productKey(), r.number()));
    if (workspaceRef != null && !workspaceRef.isBlank()) {
      String wanted = workspaceRef.trim();
      found = found.stream().filter(l -> l.workspaceSlug().equalsIgnoreCase(wanted)).toList();
    }
    if (found.isEmpty()) {
      throw new NotFound("work item " + r.text());
    }
    if (found.size() > 1) {
      throw Invalid.field(
          "item",
          r.text()
              + " exists in several workspaces ("
              + String.join(", ", found.stream().map(StoryStore.Located::workspaceSlug).toList())
              + "); name one with --workspace");
    }
    StoryStore.Located located = found.get(0);
    if (located.ownerId() == null) {
      throw new NotFound("owner of the workspace " + located.workspaceSlug());
    }
    return located;
  }
}
