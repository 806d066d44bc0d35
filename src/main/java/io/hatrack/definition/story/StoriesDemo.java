package io.hatrack.definition.story;

import io.hatrack.definition.Patch;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.definition.WorkItemService;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.LinkTypes;
import java.util.Optional;

/**
 * The stories of "One-click saved cards" in the demo: who they are for, what they want and why,
 * with realistic acceptance scenarios. "Pay with a saved card" is left with a vague word ("fast")
 * and no estimate, and depends on "Save a card at checkout", so that the quality check has
 * something to say. Runs after the work items of the demo; a story that is missing is skipped.
 */
public final class StoriesDemo implements DemoSeed {
  /** The titles of the demo's stories, as the work-item seed creates them. */
  public static final String SAVE = "Save a card at checkout";

  public static final String PAY = "Pay with a saved card";
  public static final String REMOVE = "Remove a saved card";

  private final StoryService stories;
  private final WorkItemService workItems;
  private final Collaboration collaboration;

  public StoriesDemo(StoryService stories, WorkItemService workItems, Collaboration collaboration) {
    this.stories = stories;
    this.workItems = workItems;
    this.collaboration = collaboration;
  }

  @Override
  public void seed(DemoStory story) {
    User ana = story.ana();
    String chk = story.checkout().slug();

    story.at(2, 5);
    Optional<WorkItem> save =
        write(
            ana,
            chk,
            SAVE,
            new Parts(
                "returning shopper",
                "to save my card while I pay",
                "I do not have to type my card number again next time",
                """
                Scenario: Save a card at checkout
                  Given a signed-in shopper with an empty wallet
                  When they pay with a new card and tick "Save this card"
                  Then the card appears in their wallet
                  And it is stored as a token, never as a number

                Scenario: Pay without saving the card
                  Given a signed-in shopper with an empty wallet
                  When they pay with a new card and leave "Save this card" unticked
                  Then the payment succeeds
                  And their wallet stays empty

                Scenario: Guests cannot save a card
                  Given a shopper who checks out as a guest
                  When they reach the payment step
                  Then the "Save this card" box is not shown
                """,
                false));

    story.at(1, 20);
    // Left imperfect on purpose: a vague "fast" in the goal and no estimate yet.
    Optional<WorkItem> pay =
        write(
            ana,
            chk,
            PAY,
            new Parts(
                "returning shopper",
                "to pay with a card I saved before in one fast step",
                "checking out takes less effort than typing my card again",
                """
                Scenario: Pay with a saved card
                  Given a signed-in shopper with a saved Visa card ending 4242
                  When they choose "Pay with Visa ending 4242"
                  Then the payment is authorised without asking for the card number
                  And the order confirmation names the card used

                Scenario: A saved card has expired
                  Given a signed-in shopper whose only saved card expired last month
                  When they open the payment step
                  Then the expired card is marked as expired and cannot be chosen
                  But they can still pay with a new card
                """,
                true));

    story.at(1, 3);
    write(
        ana,
        chk,
        REMOVE,
        new Parts(
            "shopper with saved cards",
            "to remove a card from my wallet",
            "a card I no longer use cannot be charged by mistake",
            """
            Scenario: Remove a card from the wallet
              Given a signed-in shopper with two saved cards
              When they remove the card ending 4242 and confirm
              Then the wallet shows only the other card
              And the token of the removed card is deleted at the payment provider

            Scenario: Change their mind
              Given a signed-in shopper with two saved cards
              When they choose "Remove" on the card ending 4242 and then "Cancel"
              Then both cards stay in the wallet
            """,
            false));

    if (pay.isPresent() && save.isPresent()) {
      story.later(20);
      try {
        collaboration
            .links()
            .add(
                ana,
                Long.toString(pay.get().id()),
                Long.toString(save.get().id()),
                LinkTypes.DEPENDS.id());
      } catch (Conflict | Invalid ignored) {
        // The work-item seed linked them already (or the other way round): nothing to add.
      }
    }
  }

  /** What the demo writes into one story. */
  private record Parts(
      String role, String goal, String benefit, String acceptance, boolean clearEstimate) {}

  private Optional<WorkItem> write(User ana, String product, String title, Parts parts) {
    Optional<WorkItem> found = stories.findByTitle(ana, product, "story", title);
    found.ifPresent(
        item -> {
          WorkItemChanges none = WorkItemChanges.none();
          workItems.update(
              ana,
              Long.toString(item.id()),
              item.version(),
              new WorkItemChanges(
                  none.title(),
                  none.type(),
                  none.description(),
                  none.status(),
                  none.owner(),
                  none.parent(),
                  parts.clearEstimate() ? Patch.of(null) : none.estimate(),
                  parts.clearEstimate() ? Patch.of(null) : none.size(),
                  none.position(),
                  Patch.of(parts.role()),
                  Patch.of(parts.goal()),
                  Patch.of(parts.benefit()),
                  Patch.of(parts.acceptance())));
        });
    return found;
  }
}
