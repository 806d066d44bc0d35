package io.hatrack.discovery.portal;

import static io.hatrack.discovery.portal.PortalServiceTest.email;
import static io.hatrack.discovery.portal.PortalServiceTest.idea;
import static io.hatrack.discovery.portal.PortalServiceTest.moderation;
import static io.hatrack.discovery.portal.PortalServiceTest.open;
import static io.hatrack.discovery.portal.PortalServiceTest.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.feedback.duplicates.DuplicateService;
import io.hatrack.discovery.feedback.duplicates.PossibleDuplicate;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Portal ideas merged from the feedback inbox (a suggested duplicate, the API) keep every vote. */
@OnEveryDatabase
class IdeaMergesTest {

  private static DuplicateService duplicates(TestApp app) {
    return app.app().discovery().duplicates().service();
  }

  private static void vote(TestApp app, Team team, Idea idea, String voter) {
    service(app)
        .vote(
            team.product().slug(),
            idea.id(),
            Visitor.of(null, voter),
            null,
            "198.51.100." + Fixtures.unique());
  }

  private static Idea read(TestApp app, Team team, Idea idea) {
    return moderation(app).idea(team.owner(), team.product().slug(), idea.id()).idea();
  }

  @Test
  void twoIdeasThatSayTheSameAreSuggestedAndMergingThemMovesEveryVote(TestApp app) {
    Team team = open(app, false);
    String both = email("both");
    Idea original = idea(app, team, "Keep my saved card for the next checkout", email("a"));
    vote(app, team, original, email("x"));
    vote(app, team, original, both);
    Idea duplicate =
        idea(app, team, "Keep my saved card for the next checkout, please", email("b"));
    vote(app, team, duplicate, both);
    vote(app, team, duplicate, email("z"));
    int before = read(app, team, original).votes();
    int other = read(app, team, duplicate).votes();

    List<PossibleDuplicate> pairs =
        duplicates(app).suggestions(team.owner(), team.product().slug(), null, 10).items();
    assertThat(pairs).hasSize(1);
    assertThat(pairs.get(0).older().votes()).isEqualTo(before);
    assertThat(pairs.get(0).newer().votes()).isEqualTo(other);

    duplicates(app).merge(team.owner(), Long.toString(original.id()), duplicate.key());

    Idea merged = read(app, team, original);
    assertThat(merged.votes()).as("each voter once").isEqualTo(before + other - 1);
    assertThat(read(app, team, duplicate).mergedInto()).isEqualTo(original.id());
    assertThat(duplicates(app).suggestions(team.owner(), team.product().slug(), null, 10).items())
        .isEmpty();
  }

  @Test
  void mergingIdeasOnTheModerationPageStillCountsEachVoteOnce(TestApp app) {
    Team team = open(app, false);
    String both = email("both");
    Idea original = idea(app, team, "Dark mode for the dashboard", email("a"));
    vote(app, team, original, both);
    Idea duplicate = idea(app, team, "Export invoices to CSV", email("b"));
    vote(app, team, duplicate, both);

    Idea merged =
        moderation(app)
            .merge(team.owner(), team.product().slug(), original.id(), List.of(duplicate.id()));

    assertThat(merged.votes()).as("a, b, both").isEqualTo(3);
  }
}
