package io.hatrack.definition;

import io.hatrack.kernel.work.Item;
import java.util.Objects;

/**
 * A unit of work in a product: an objective, initiative, epic, feature, story, bug or task, with
 * its place in the hierarchy, its workflow state, owner and estimate, and for stories the "As a
 * ..., I want ..., so that ..." parts and the acceptance criteria (Given/When/Then).
 *
 * @param owner the person responsible, or null
 * @param parent the item above it, or null at the top
 * @param estimate points or person-days (per the product's unit), or null
 * @param size the t-shirt size (for products estimating by size), or null
 * @param position manual rank within its state column or list (smaller first)
 * @param children how many live items sit directly under it
 */
public record WorkItem(
    Item item,
    WorkItemType type,
    String description,
    WorkflowState state,
    Person owner,
    ParentRef parent,
    Double estimate,
    Size size,
    double position,
    String storyRole,
    String storyGoal,
    String storyBenefit,
    String acceptance,
    int children) {

  /** The item above another one. */
  public record ParentRef(long id, String key, String title, WorkItemType type) {}

  public WorkItem {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  public String title() {
    return item.title();
  }

  public long version() {
    return item.version();
  }

  /** The estimate as shown: "5", "2.5" or "M", or an empty string. */
  public String estimateText() {
    if (size != null) {
      return size.id();
    }
    if (estimate == null) {
      return "";
    }
    return estimate == Math.rint(estimate)
        ? Long.toString(estimate.longValue())
        : estimate.toString();
  }
}
