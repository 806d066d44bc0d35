package io.hatrack.discovery.portal;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.RateLimited;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The portal's rules on SQLite and PostgreSQL: verification links, one vote per voter, withdrawing,
 * merging without double counting, moderation, the portal switch and the rate limits.
 */
@OnEveryDatabase
class PortalServiceTest {
  static Portal portal(TestApp app) {
    return app.app().discovery().portal();
  }

  static PortalService service(TestApp app) {
    return portal(app).portal();
  }

  static PortalModeration moderation(TestApp app) {
    return portal(app).moderation();
  }

  /** The team's portal, turned on. */
  static Team open(TestApp app, boolean approveFirst) {
    Team team = team(app);
    moderation(app).saveSettings(team.owner(), team.product().slug(), 1, true, approveFirst, "");
    return team;
  }

  static String email(String name) {
    return name + "." + Fixtures.unique() + "@merchant.example";
  }

  static String client() {
    return "203.0.113." + Fixtures.unique();
  }

  /** The token of the newest verification mail to {@code email}. */
  static String token(TestApp app, Team team, String email) {
    List<Mail> mails = portal(app).outbox().mails(team.owner(), email, 1);
    assertThat(mails).as("mails to " + email).isNotEmpty();
    String link = mails.get(0).link();
    return link.substring(link.indexOf("t=") + 2);
  }

  /** An idea posted by a verified visitor. */
  static Idea idea(TestApp app, Team team, String title, String author) {
    return service(app)
        .post(
            team.product().slug(),
            Visitor.of(null, author),
            new IdeaDraft(title, "Because it matters.", "", null),
            client())
        .idea();
  }

  private static void vote(TestApp app, Team team, Idea idea, String voter) {
    service(app).vote(team.product().slug(), idea.id(), Visitor.of(null, voter), null, client());
  }

  private static int votes(TestApp app, Team team, long id) {
    return moderation(app).idea(team.owner(), team.product().slug(), id).idea().votes();
  }

  @Test
  void aVisitorsIdeaWaitsForTheLinkInTheMailAndIsPostedWhenTheLinkIsFollowed(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    String email = email("Maria");
    long ideasBefore = app.count("portal_idea");

    PortalService.Outcome sent =
        service(app)
            .post(
                slug,
                Visitor.ANONYMOUS,
                new IdeaDraft("  Save cards  ", "For regulars.", "Maria", "  " + email + " "),
                client());

    assertThat(sent.waiting()).isTrue();
    assertThat(sent.mailedTo()).isEqualTo(email.toLowerCase());
    assertThat(app.count("portal_idea")).isEqualTo(ideasBefore);
    Mail mail = portal(app).outbox().mails(team.owner(), email, 5).get(0);
    assertThat(mail.subject()).contains("Save cards");
    assertThat(mail.body()).contains(mail.link());
    assertThat(
            app.count(
                "portal_verification WHERE token_hash LIKE '%" + token(app, team, email) + "%'"))
        .as("the token itself is not stored")
        .isZero();

    PortalService.Verified done = service(app).verify(slug, token(app, team, email));

    assertThat(done.email()).isEqualTo(email.toLowerCase());
    Idea idea = done.outcome().idea();
    assertThat(idea.title()).isEqualTo("Save cards");
    assertThat(idea.authorName()).isEqualTo("Maria");
    assertThat(idea.authorEmail()).isEqualTo(email.toLowerCase());
    assertThat(idea.votes()).as("the author's own vote").isEqualTo(1);
    assertThat(idea.key()).startsWith(team.product().key() + "-");
    assertThat(
            service(app).board(slug, Visitor.ANONYMOUS, PortalStore.Order.TOP, null, 0, 10).ideas())
        .extracting(Idea::id)
        .containsExactly(idea.id());
  }

  @Test
  void eachIdeaIsFeedbackFromThePortalAndMergingIdeasMergesTheirFeedback(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    var feedback = app.app().discovery().feedback().service();
    Idea original = idea(app, team, "Save cards", email("a"));
    Idea duplicate = idea(app, team, "Remember my card", email("b"));

    var item = feedback.get(team.owner(), Long.toString(original.id())).feedback();

    assertThat(item.source()).isEqualTo(io.hatrack.discovery.feedback.FeedbackSource.PORTAL);
    assertThat(item.summary()).isEqualTo("Save cards");
    assertThat(item.text()).isEqualTo("Save cards\n\nBecause it matters.");
    assertThat(item.key()).isEqualTo(original.key());

    moderation(app).merge(team.owner(), slug, original.id(), List.of(duplicate.id()));

    assertThat(feedback.get(team.owner(), Long.toString(duplicate.id())).feedback().duplicateOf())
        .isEqualTo(original.id());
    assertThat(feedback.get(team.owner(), Long.toString(original.id())).duplicates())
        .extracting(f -> f.id())
        .containsExactly(duplicate.id());
  }

  @Test
  void aVerificationLinkWorksOnceAndNotAfterADay(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    Idea idea = idea(app, team, "Faster payouts", email("author"));
    String first = email("first");
    service(app).vote(slug, idea.id(), Visitor.ANONYMOUS, first, client());
    String token = token(app, team, first);

    service(app).verify(slug, token);

    assertThatThrownBy(() -> service(app).verify(slug, token))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("used already");
    assertThat(votes(app, team, idea.id())).isEqualTo(2);

    String late = email("late");
    service(app).vote(slug, idea.id(), Visitor.ANONYMOUS, late, client());
    String lateToken = token(app, team, late);
    app.clock().advance(Duration.ofHours(25));
    assertThatThrownBy(() -> service(app).verify(slug, lateToken))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("expired");
    assertThat(votes(app, team, idea.id())).isEqualTo(2);
    assertThatThrownBy(() -> service(app).verify(slug, "not-a-token")).isInstanceOf(NotFound.class);
  }

  @Test
  void aVoterVotesOnceASecondVoteIsRefusedAndTheVoteCanBeWithdrawn(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    Idea idea = idea(app, team, "Invoice export", email("author"));
    Visitor voter = Visitor.of(null, email("voter"));

    service(app).vote(slug, idea.id(), voter, null, client());

    assertThatThrownBy(() -> service(app).vote(slug, idea.id(), voter, null, client()))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("already voted");
    assertThat(votes(app, team, idea.id())).isEqualTo(2);
    assertThat(service(app).idea(slug, idea.id(), voter).voted()).isTrue();

    PortalService.Outcome withdrawn = service(app).withdraw(slug, idea.id(), voter, client());

    assertThat(withdrawn.idea().votes()).isEqualTo(1);
    assertThat(service(app).idea(slug, idea.id(), voter).voted()).isFalse();
    assertThatThrownBy(() -> service(app).withdraw(slug, idea.id(), voter, client()))
        .isInstanceOf(Conflict.class);
    service(app).vote(slug, idea.id(), voter, null, client());
    assertThat(votes(app, team, idea.id())).isEqualTo(2);
  }

  @Test
  void aSignedInMemberVotesAsThemselvesOnce(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    Idea idea = idea(app, team, "Wallet buttons", email("author"));
    Visitor member = Visitor.of(team.owner(), null);

    service(app).vote(slug, idea.id(), member, null, client());

    assertThatThrownBy(() -> service(app).vote(slug, idea.id(), member, null, client()))
        .isInstanceOf(Conflict.class);
    assertThat(votes(app, team, idea.id())).isEqualTo(2);
  }

  @Test
  void followingAVoteLinkAfterVotingCountsTheVoteOnce(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    Idea idea = idea(app, team, "SEPA transfers", email("author"));
    String voter = email("twice");
    service(app).vote(slug, idea.id(), Visitor.ANONYMOUS, voter, client());
    service(app).vote(slug, idea.id(), Visitor.ANONYMOUS, voter, client());
    List<Mail> mails = portal(app).outbox().mails(team.owner(), voter, 5);
    assertThat(mails).hasSize(2);

    for (Mail m : mails) {
      PortalService.Verified v =
          service(app).verify(slug, m.link().substring(m.link().indexOf("t=") + 2));
      assertThat(v.outcome().message()).containsAnyOf("counted", "already voted");
    }

    assertThat(votes(app, team, idea.id())).isEqualTo(2);
  }

  @Test
  void mergingMovesVotesAndCommentsAndCountsAVoterOfBothOnce(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    String a = email("a");
    String b = email("b");
    String x = email("x");
    String both = email("both");
    String z = email("z");
    Idea original = idea(app, team, "Save cards", a);
    vote(app, team, original, x);
    vote(app, team, original, both);
    Idea duplicate = idea(app, team, "Remember my card", b);
    vote(app, team, duplicate, both);
    vote(app, team, duplicate, z);
    service(app)
        .comment(
            slug,
            duplicate.id(),
            Visitor.of(null, z),
            new CommentDraft("Yes please", "Zed", null),
            client());
    long votesBefore = app.count("portal_vote");

    Idea merged = moderation(app).merge(team.owner(), slug, original.id(), List.of(duplicate.id()));

    assertThat(merged.votes()).as("a, x, both, b, z").isEqualTo(5);
    assertThat(app.count("portal_vote")).isEqualTo(votesBefore - 1);
    assertThat(merged.comments()).isEqualTo(1);
    PortalService.IdeaPage moved = service(app).idea(slug, duplicate.id(), Visitor.ANONYMOUS);
    assertThat(moved.movedTo()).isEqualTo(original.id());
    assertThat(
            service(app).board(slug, Visitor.ANONYMOUS, PortalStore.Order.TOP, null, 0, 10).ideas())
        .extracting(Idea::id)
        .containsExactly(original.id());
    assertThatThrownBy(
            () -> service(app).vote(slug, duplicate.id(), Visitor.of(null, x), null, client()))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("merged");
    assertThatThrownBy(
            () -> moderation(app).merge(team.owner(), slug, original.id(), List.of(duplicate.id())))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(
            () -> moderation(app).merge(team.owner(), slug, original.id(), List.of(original.id())))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void withApprovalFirstNewIdeasWaitAndHiddenIdeasDisappear(TestApp app) {
    Team team = open(app, true);
    String slug = team.product().slug();
    String author = email("author");
    Idea idea = idea(app, team, "Dark mode", author);

    assertThat(idea.visibility()).isEqualTo(Visibility.PENDING);
    assertThat(
            service(app).board(slug, Visitor.ANONYMOUS, PortalStore.Order.NEW, null, 0, 10).total())
        .isZero();
    assertThatThrownBy(() -> service(app).idea(slug, idea.id(), Visitor.ANONYMOUS))
        .isInstanceOf(NotFound.class);
    assertThat(service(app).idea(slug, idea.id(), Visitor.of(null, author)).idea().title())
        .as("its author sees it waiting")
        .isEqualTo("Dark mode");
    assertThatThrownBy(
            () ->
                service(app)
                    .vote(slug, idea.id(), Visitor.of(null, email("early")), null, client()))
        .isInstanceOf(Conflict.class);

    Idea approved =
        moderation(app)
            .update(
                team.owner(),
                slug,
                idea.id(),
                idea.version(),
                new PortalModeration.IdeaPatch(
                    null, null, IdeaStatus.PLANNED, Visibility.APPROVED));

    assertThat(
            service(app)
                .board(slug, Visitor.ANONYMOUS, PortalStore.Order.NEW, IdeaStatus.PLANNED, 0, 10)
                .ideas())
        .extracting(Idea::id)
        .containsExactly(idea.id());
    assertThatThrownBy(
            () ->
                moderation(app)
                    .update(
                        team.owner(),
                        slug,
                        idea.id(),
                        idea.version(),
                        new PortalModeration.IdeaPatch(null, null, null, Visibility.HIDDEN)))
        .isInstanceOf(Conflict.class);

    moderation(app)
        .update(
            team.owner(),
            slug,
            idea.id(),
            approved.version(),
            new PortalModeration.IdeaPatch(null, null, null, Visibility.HIDDEN));

    assertThat(
            service(app).board(slug, Visitor.ANONYMOUS, PortalStore.Order.TOP, null, 0, 10).total())
        .isZero();
    assertThatThrownBy(() -> service(app).idea(slug, idea.id(), Visitor.of(null, author)))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void commentsWaitForApprovalWhenThePortalAsksForItAndCanBeHidden(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    Idea idea = idea(app, team, "Partial captures", email("author"));
    moderation(app).saveSettings(team.owner(), slug, 2, true, true, "");
    Visitor visitor = Visitor.of(null, email("commenter"));

    PortalService.Outcome said =
        service(app)
            .comment(
                slug, idea.id(), visitor, new CommentDraft("We ship in parts", "", null), client());

    assertThat(said.message()).contains("approved");
    assertThat(service(app).idea(slug, idea.id(), visitor).comments()).isEmpty();
    IdeaComment c = moderation(app).idea(team.owner(), slug, idea.id()).comments().get(0);
    assertThat(c.authorName()).as("the address's local part").startsWith("commenter.");
    moderation(app).moderateComment(team.owner(), slug, c.id(), Visibility.APPROVED);
    assertThat(service(app).idea(slug, idea.id(), visitor).comments())
        .extracting(IdeaComment::body)
        .containsExactly("We ship in parts");
    moderation(app).moderateComment(team.owner(), slug, c.id(), Visibility.HIDDEN);
    assertThat(service(app).idea(slug, idea.id(), visitor).comments()).isEmpty();
  }

  @Test
  void aPortalThatIsOffIsNotFound(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();

    assertThatThrownBy(
            () -> service(app).board(slug, Visitor.ANONYMOUS, PortalStore.Order.TOP, null, 0, 10))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () ->
                service(app)
                    .post(
                        slug,
                        Visitor.ANONYMOUS,
                        new IdeaDraft("An idea", "", "", email("x")),
                        client()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void aDraftWithoutTitleOrWithABadAddressIsRefusedWithTheFieldsNamed(TestApp app) {
    Team team = open(app, false);
    long mails = app.count("portal_mail");

    assertThatThrownBy(
            () ->
                service(app)
                    .post(
                        team.product().slug(),
                        Visitor.ANONYMOUS,
                        new IdeaDraft(" ", "", "", "not-an-address"),
                        client()))
        .isInstanceOf(Invalid.class)
        .satisfies(
            e ->
                assertThat(((Invalid) e).errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("title", "email"));
    assertThat(app.count("portal_mail")).isEqualTo(mails);
  }

  @Test
  void verificationMailsAreLimitedPerAddressUntilTheWindowHasPassed(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    Idea idea = idea(app, team, "Webhooks for refunds", email("author"));
    String email = email("eager");
    for (int i = 0; i < PortalLimits.STANDARD.mailsPerEmail(); i++) {
      service(app).vote(slug, idea.id(), Visitor.ANONYMOUS, email, client());
    }

    assertThatThrownBy(() -> service(app).vote(slug, idea.id(), Visitor.ANONYMOUS, email, client()))
        .isInstanceOf(RateLimited.class)
        .satisfies(e -> assertThat(((RateLimited) e).retryAfter()).isPositive());
    assertThat(portal(app).outbox().mails(team.owner(), email, 100))
        .hasSize(PortalLimits.STANDARD.mailsPerEmail());

    app.clock().advance(PortalLimits.STANDARD.window().plusMinutes(1));
    service(app).vote(slug, idea.id(), Visitor.ANONYMOUS, email, client());
    assertThat(portal(app).outbox().mails(team.owner(), email, 100))
        .hasSize(PortalLimits.STANDARD.mailsPerEmail() + 1);
  }

  @Test
  void ideasAreLimitedPerClient(TestApp app) {
    Team team = open(app, false);
    String slug = team.product().slug();
    String from = client();
    for (int i = 0; i < PortalLimits.STANDARD.ideasPerClient(); i++) {
      service(app)
          .post(
              slug,
              Visitor.of(null, email("author" + i)),
              new IdeaDraft("Idea number " + i, "", "", null),
              from);
    }

    assertThatThrownBy(
            () ->
                service(app)
                    .post(
                        slug,
                        Visitor.of(null, email("one-more")),
                        new IdeaDraft("One idea too many", "", "", null),
                        from))
        .isInstanceOf(RateLimited.class)
        .hasMessageContaining("Too many ideas");
  }

  @Test
  void theMailboxIsClosedToAnonymousReadersUnlessOpened(TestApp app) {
    Team team = open(app, false);
    service(app)
        .post(
            team.product().slug(),
            Visitor.ANONYMOUS,
            new IdeaDraft("Closed mailbox", "", "", email("reader")),
            client());
    Team other = team(app);

    assertThat(portal(app).outbox().mails(other.owner(), null, 100))
        .as("another workspace's administrator sees none of these mails")
        .noneMatch(m -> m.productId() == team.product().id());
    if (!portal(app).outbox().open()) {
      assertThatThrownBy(() -> portal(app).outbox().mails(null, null, 10))
          .isInstanceOf(io.hatrack.kernel.Forbidden.class);
    }
    portal(app).outbox().openToEveryone();
    assertThat(portal(app).outbox().mails(null, null, 100)).isNotEmpty();
  }
}
