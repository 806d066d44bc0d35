package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.auth.PasswordHasher;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing in and out, first-run set-up, CSRF and rate limits, through real HTTP. */
class WebSessionTest {

  @Test
  void aNewInstallationSendsEveryoneToSetUpWhichCreatesTheOwnerAndAWorkspace() {
    try (TestServer server = TestServer.start()) {
      Browser browser = new Browser(server.url());
      assertThat(browser.get("/w/anything").location()).isEqualTo("/setup");

      browser.get("/setup");
      Browser.Page done =
          browser.post(
              "/setup",
              "name",
              "Ana Lima",
              "email",
              "ana@example.com",
              "password",
              "correct horse",
              "workspace",
              "Northwind Labs",
              "time_zone",
              "Europe/Lisbon");

      assertThat(done.location()).isEqualTo("/w/northwind-labs");
      assertThat(browser.open("/w/northwind-labs").body()).contains("Create your first product");
      User ana = server.app().accounts().byEmail("ana@example.com").orElseThrow();
      assertThat(ana.timeZone()).isEqualTo("Europe/Lisbon");
      assertThat(server.app().workspaces().access(ana, "northwind-labs").role())
          .isEqualTo(Role.OWNER);
      assertThat(new Browser(server.url()).get("/setup").location()).isEqualTo("/login");
    }
  }

  @Test
  void setUpWithBadInputShowsEachProblemAndCreatesNothing() {
    try (TestServer server = TestServer.start()) {
      Browser browser = new Browser(server.url());
      browser.get("/setup");

      Browser.Page refused =
          browser.post(
              "/setup", "name", "", "email", "not-an-email", "password", "short", "workspace", "W");

      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body())
          .contains("must be an e-mail address")
          .contains("at least 8 characters");
      assertThat(server.app().accounts().needsSetup()).isTrue();
    }
  }

  @Test
  void pagesNeedASessionAndSendVisitorsToSignInWithTheWayBack() {
    try (TestServer server = TestServer.start()) {
      server.user("Someone");
      Browser browser = new Browser(server.url());

      assertThat(browser.get("/notifications?unread=true").location())
          .isEqualTo("/login?next=%2Fnotifications%3Funread%3Dtrue");
    }
  }

  @Test
  void signingInSetsAnHttpOnlySameSiteSessionCookieAndSigningOutEndsIt() {
    try (TestServer server = TestServer.start()) {
      User ana = server.user("Ana");
      Browser browser = new Browser(server.url());
      browser.get("/login");
      Browser.Page answer =
          browser.post(
              "/login", "email", ana.email(), "password", "password123", "next", "/notifications");

      assertThat(answer.location()).isEqualTo("/notifications");
      String setCookie =
          answer.headers().allValues("Set-Cookie").stream()
              .filter(c -> c.startsWith("hatrack_session="))
              .findFirst()
              .orElseThrow();
      assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
      assertThat(browser.get("/notifications").status()).isEqualTo(200);

      browser.post("/logout");

      assertThat(browser.get("/notifications").location()).startsWith("/login");
    }
  }

  @Test
  void aWrongPasswordDoesNotSayWhichPartWasWrong() {
    try (TestServer server = TestServer.start()) {
      User ana = server.user("Ana");
      Browser browser = new Browser(server.url());
      browser.get("/login");

      Browser.Page wrongPassword =
          browser.post("/login", "email", ana.email(), "password", "nope-nope");
      Browser.Page unknownEmail =
          browser.post("/login", "email", "nobody@example.com", "password", "nope-nope");

      assertThat(wrongPassword.status()).isEqualTo(422);
      assertThat(wrongPassword.body()).contains("The e-mail address or the password is not right.");
      assertThat(unknownEmail.body()).contains("The e-mail address or the password is not right.");
    }
  }

  @Test
  void afterFiveFailuresSignInIsRefusedForAWhileEvenWithTheRightPassword() {
    try (TestServer server = TestServer.start()) {
      User ana = server.user("Ana");
      Browser browser = new Browser(server.url());
      browser.get("/login");
      for (int i = 0; i < 5; i++) {
        assertThat(browser.post("/login", "email", ana.email(), "password", "guess-" + i).status())
            .isEqualTo(422);
      }

      Browser.Page limited =
          browser.post("/login", "email", ana.email(), "password", "password123");

      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isNotNull();
      assertThat(limited.body()).contains("Too many failed sign-ins");
    }
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() {
    try (TestServer server = TestServer.start()) {
      User ana = server.user("Ana");
      Workspace ws = server.workspace(ana);
      Browser browser = new Browser(server.url());
      browser.signIn(ana.email(), "password123");

      Browser.Page forged =
          browser.postRaw("/w/" + ws.slug() + "/products", Map.of("name", "Forged"));
      Browser.Page wrongToken =
          browser.postRaw(
              "/w/" + ws.slug() + "/products", Map.of("name", "Forged", "_csrf", "abc"));

      assertThat(forged.status()).isEqualTo(403);
      assertThat(wrongToken.status()).isEqualTo(403);
      assertThat(server.app().products().list(ana, ws.slug())).isEmpty();
    }
  }

  @Test
  void htmxRequestsCarryTheTokenInAHeader() {
    try (TestServer server = TestServer.start()) {
      User ana = server.user("Ana");
      Workspace ws = server.workspace(ana);
      var product = server.product(ana, ws);
      var page = server.app().pages().create(ana, product.slug(), "Notes", "");
      Browser browser = new Browser(server.url());
      browser.signIn(ana.email(), "password123");
      browser.get("/i/" + page.item().key());

      Browser.Page answer =
          browser.htmxPost("/items/" + page.id() + "/comments", "body", "Looks good");

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).contains("Looks good").contains("id=\"comments\"");
    }
  }

  @Test
  void aSessionStartedOnOneNodeIsHonouredByAnotherNodeOfTheSameDatabase() throws Exception {
    try (TestServer first = TestServer.start()) {
      User ana = first.user("Ana");
      AppConfig config =
          new AppConfig(
              first.dataDir(),
              null,
              "127.0.0.1",
              0,
              null,
              4,
              new PasswordHasher(1024, 1),
              Clock.systemUTC());
      try (App second = new App(config).start()) {
        Browser browser = new Browser(first.url());
        browser.signIn(ana.email(), "password123");
        String session = browser.cookie("hatrack_session");

        var request =
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + second.port() + "/notifications"))
                .header("Cookie", "hatrack_session=" + session)
                .GET()
                .build();
        var answer =
            java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Notifications");
      }
    }
  }

  @Test
  void anInvitationLinkLetsSomeoneNewJoinWithTheRoleItNames() {
    try (TestServer server = TestServer.start()) {
      User ana = server.user("Ana");
      Workspace ws = server.workspace(ana);
      var invite = server.app().workspaces().invite(ana, ws.slug(), null, Role.COMMENTER);
      Browser newcomer = new Browser(server.url());

      assertThat(newcomer.get("/invite/" + invite.secret()).body()).contains("Join " + ws.name());
      Browser.Page joined =
          newcomer.post(
              "/invite/" + invite.secret(),
              "name",
              "Ben Okafor",
              "email",
              "ben@example.com",
              "password",
              "long enough",
              "password_again",
              "long enough");

      assertThat(joined.location()).isEqualTo("/w/" + ws.slug());
      User ben = server.app().accounts().byEmail("ben@example.com").orElseThrow();
      assertThat(server.app().workspaces().access(ben, ws.slug()).role()).isEqualTo(Role.COMMENTER);
      assertThat(new Browser(server.url()).get("/invite/" + invite.secret()).status())
          .isEqualTo(404);
    }
  }

  @Test
  void changingThePasswordSignsOutEveryOtherSessionButKeepsThisOne() {
    try (TestServer server = TestServer.start()) {
      User ana = server.user("Ana");
      Browser laptop = new Browser(server.url());
      Browser phone = new Browser(server.url());
      laptop.signIn(ana.email(), "password123");
      phone.signIn(ana.email(), "password123");
      laptop.get("/settings/profile");

      Browser.Page changed =
          laptop.post(
              "/settings/password",
              "current_password",
              "password123",
              "password",
              "a new password",
              "password_again",
              "a new password");

      assertThat(changed.location()).isEqualTo("/settings/profile");
      assertThat(laptop.get("/settings/profile").status()).isEqualTo(200);
      assertThat(phone.get("/settings/profile").location()).startsWith("/login");
    }
  }
}
