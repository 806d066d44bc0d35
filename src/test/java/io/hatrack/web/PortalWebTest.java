package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.portal.Idea;
import io.hatrack.discovery.portal.IdeaDraft;
import io.hatrack.discovery.portal.Portal;
import io.hatrack.discovery.portal.PortalLimits;
import io.hatrack.discovery.portal.Visitor;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public feedback portal in a browser without an account, on SQLite and PostgreSQL: posting an
 * idea through the verification mail in the dev mailbox, voting once, script injection rendered
 * inert, CSRF, the rate limit, merged ideas, and the team's Portal tab.
 */
@OnEveryDatabase
class PortalWebTest {
  private static final Pattern LINK = Pattern.compile("href=\"(/p/[^\"]+/verify\\?t=[^\"]+)\"");

  private TestServer server;
  private User ana;
  private Workspace ws;
  private Product product;
  private Browser visitor;

  @BeforeEach
  void start(TestApp app) {
    server = TestServer.serving(app);
    ana = server.user("Ana");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    portal().outbox().openToEveryone();
    portal().moderation().saveSettings(ana, product.slug(), 1, true, false, "");
    visitor = new Browser(server.url());
  }

  private Portal portal() {
    return server.app().discovery().portal();
  }

  private String base() {
    return "/p/" + product.slug() + "/feedback";
  }

  private static String email(String name) {
    return name + "." + TestServer.unique() + "@shop.example";
  }

  /** The verification link of the newest mail to {@code email}, as the dev mailbox shows it. */
  private String linkInMailbox(Browser browser, String email) {
    Browser.Page mailbox = browser.get("/dev/mailbox?to=" + email);
    assertThat(mailbox.status()).isEqualTo(200);
    Matcher m = LINK.matcher(mailbox.body());
    assertThat(m.find()).as(mailbox.body()).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  /** Makes {@code browser} a verified visitor by voting for {@code idea} through the mail. */
  private void verify(Browser browser, Idea idea, String email) {
    browser.get(base() + "/" + idea.id());
    Browser.Page sent = browser.post(base() + "/" + idea.id() + "/vote", "email", email);
    assertThat(sent.status()).as(sent.body()).isEqualTo(303);
    Browser.Page verified = browser.get(linkInMailbox(browser, email));
    assertThat(verified.status()).isEqualTo(303);
  }

  private Idea idea(String title) {
    return portal()
        .portal()
        .post(
            product.slug(),
            Visitor.of(null, email("author")),
            new IdeaDraft(title, "A description.", "Author", null),
            "198.51.100.7")
        .idea();
  }

  @Test
  void aVisitorPostsAnIdeaFollowsTheLinkInTheDevMailboxAndSeesItOnTheBoard() {
    Browser.Page empty = visitor.get(base());
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("No ideas yet").contains("Post the first idea");
    assertThat(visitor.get(base() + "/new").body()).contains("Post an idea");
    String email = email("maria");

    Browser.Page posted =
        visitor.post(
            base(),
            "title",
            "Save cards for returning customers",
            "description",
            "Regulars type their card every month.",
            "name",
            "Maria",
            "email",
            email);

    assertThat(posted.status()).as(posted.body()).isEqualTo(303);
    assertThat(visitor.open(posted.location()).body())
        .contains("we sent a link to " + email)
        .doesNotContain("Save cards for returning customers");
    Browser.Page mailbox = visitor.get("/dev/mailbox?to=" + email);
    assertThat(mailbox.body()).contains("Confirm your idea").contains("To " + email);

    Browser.Page followed = visitor.get(linkInMailbox(visitor, email));

    assertThat(followed.status()).isEqualTo(303);
    assertThat(visitor.cookie("hatrack_portal")).isNotNull();
    Browser.Page page = visitor.open(followed.location());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("your idea is posted")
        .contains("Save cards for returning customers")
        .contains("posted by Maria")
        .contains("Under review")
        .contains("Voted");
    assertThat(visitor.get(base()).body())
        .contains("Save cards for returning customers")
        .contains("You vote and comment as " + email);
    Browser.Page again = visitor.get(linkInMailbox(visitor, email));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("used already");
  }

  @Test
  void aSecondVoteIsRefusedWithAClearMessageAndTheVoteCanBeWithdrawn() {
    Idea idea = idea("Next-day payouts");
    String email = email("tom");
    verify(visitor, idea, email);
    assertThat(visitor.get(base() + "/" + idea.id()).body()).contains("Voted");

    Browser.Page twice = visitor.post(base() + "/" + idea.id() + "/vote");

    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body()).contains("You have already voted for").contains("Next-day payouts");
    assertThat(portal().moderation().idea(ana, product.slug(), idea.id()).idea().votes())
        .isEqualTo(2);

    Browser.Page withdrawn = visitor.post(base() + "/" + idea.id() + "/unvote");

    assertThat(withdrawn.status()).isEqualTo(303);
    assertThat(visitor.open(withdrawn.location()).body()).contains("Vote withdrawn.");
    assertThat(portal().moderation().idea(ana, product.slug(), idea.id()).idea().votes())
        .isEqualTo(1);
  }

  @Test
  void scriptsInTitlesDescriptionsAndCommentsRenderAsText() {
    String email = email("mallory");
    visitor.get(base() + "/new");
    visitor.post(
        base(),
        "title",
        "<script>alert(1)</script>",
        "description",
        "<img src=x onerror=alert(2)>",
        "name",
        "<b onmouseover=alert(3)>Mal</b>",
        "email",
        email);
    Browser.Page followed = visitor.get(linkInMailbox(visitor, email));
    String ideaPath = followed.location().replaceAll("\\?.*$", "");
    visitor.get(ideaPath);
    visitor.post(ideaPath + "/comments", "body", "<img src=x onerror=alert(4)>", "name", "M");

    for (String page :
        List.of(
            base(),
            ideaPath,
            "/dev/mailbox?to=" + email,
            "/w/" + ws.slug() + "/" + product.slug() + "/discovery/portal")) {
      Browser browser = page.startsWith("/w/") ? signedIn() : visitor;
      String body = browser.get(page).body();
      assertThat(body)
          .as(page)
          .doesNotContain("<script>alert(1)")
          .doesNotContain("<img src=x")
          .doesNotContain("<b onmouseover");
      assertThat(body).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    assertThat(visitor.get(ideaPath).body())
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("&lt;img src=x onerror=alert(4)&gt;")
        .contains("&lt;b onmouseover=alert(3)&gt;Mal&lt;/b&gt;");
  }

  private Browser signedIn() {
    Browser browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
    return browser;
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() {
    Idea idea = idea("Wallet buttons");
    visitor.get(base());

    Browser.Page forged =
        visitor.postRaw(base() + "/" + idea.id() + "/vote", Map.of("email", email("x")));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(portal().outbox().mails(ana, null, 100))
        .noneMatch(m -> m.subject().contains("Wallet buttons"));
  }

  @Test
  void tooManyVerificationMailsAnswer429WithRetryAfter() {
    Idea idea = idea("Invoice export");
    String email = email("eager");
    visitor.get(base() + "/" + idea.id());
    for (int i = 0; i < PortalLimits.STANDARD.mailsPerEmail(); i++) {
      assertThat(visitor.post(base() + "/" + idea.id() + "/vote", "email", email).status())
          .isEqualTo(303);
    }

    Browser.Page limited = visitor.post(base() + "/" + idea.id() + "/vote", "email", email);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    assertThat(limited.body()).contains("Too many verification mails").contains("Invoice export");
  }

  @Test
  void aMergedIdeaLeadsToTheOneItWasMergedInto() {
    Idea original = idea("Save cards");
    Idea duplicate = idea("Remember my card");
    portal().moderation().merge(ana, product.slug(), original.id(), List.of(duplicate.id()));

    Browser.Page moved = visitor.get(base() + "/" + duplicate.id());

    assertThat(moved.status()).isEqualTo(301);
    assertThat(moved.location()).isEqualTo(base() + "/" + original.id());
    assertThat(visitor.get(base()).body())
        .contains("Save cards")
        .doesNotContain("Remember my card");
  }

  @Test
  void aPortalThatIsOffAnswers404() {
    Product other = server.product(ana, ws);

    assertThat(visitor.get("/p/" + other.slug() + "/feedback").status()).isEqualTo(404);
    assertThat(visitor.get("/p/no-such-product/feedback").status()).isEqualTo(404);
  }

  @Test
  void aBlankTitleIsRefusedWith422AndTheMessageByTheField() {
    visitor.get(base() + "/new");

    Browser.Page refused =
        visitor.post(base(), "title", "", "email", "not an address", "description", "kept");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Title must not be blank")
        .contains("E-mail address must be an e-mail address")
        .contains(">kept</textarea>");
  }

  @Test
  void theTeamModeratesFromThePortalTab() {
    Idea idea = idea("Partial captures");
    Browser pm = signedIn();
    String tab = "/w/" + ws.slug() + "/" + product.slug() + "/discovery/portal";

    Browser.Page list = pm.get(tab);

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .containsPattern("<a href=\"" + tab + "\" aria-current=\"page\">Portal</a>")
        .contains("Partial captures")
        .contains("Portal settings");
    Browser.Page hidden =
        pm.post(
            tab + "/" + idea.id(),
            "version",
            Long.toString(idea.version()),
            "visibility",
            "hidden");
    assertThat(hidden.status()).isEqualTo(302);
    assertThat(visitor.get(base() + "/" + idea.id()).status()).isEqualTo(404);

    Browser.Page page = pm.get(tab + "/" + idea.id());
    assertThat(page.body()).contains("Merge into another idea").contains("Answer as the team");
    Browser.Page status =
        pm.post(
            tab + "/" + idea.id(),
            "version",
            Long.toString(idea.version() + 1),
            "visibility",
            "approved",
            "status",
            "planned");
    assertThat(status.status()).isEqualTo(302);
    assertThat(visitor.get(base() + "/" + idea.id()).body()).contains("Planned");
    Browser.Page stale =
        pm.post(tab + "/" + idea.id(), "version", Long.toString(idea.version()), "status", "done");
    assertThat(stale.status()).isEqualTo(409);
  }

  @Test
  void theDevMailboxIsClosedToVisitorsOfAnInstallationThatIsNotADemo() {
    try (TestServer fresh = TestServer.start()) {
      if (fresh.app().discovery().portal().outbox().open()) {
        return;
      }
      Browser.Page closed = new Browser(fresh.url()).get("/dev/mailbox");
      assertThat(closed.status()).isEqualTo(403);
    }
  }
}
