package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.discovery.customers.ContactDraft;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.discovery.research.InsightDraft;
import io.hatrack.discovery.research.InsightView;
import io.hatrack.discovery.research.ParticipantDraft;
import io.hatrack.discovery.research.Research;
import io.hatrack.discovery.research.Session;
import io.hatrack.discovery.research.SessionDraft;
import io.hatrack.discovery.research.Study;
import io.hatrack.discovery.research.StudyDraft;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Research studies, sessions, transcripts and insights in the browser (without script). */
@OnEveryDatabase
class ResearchWebTest {
  private static final String VTT =
      "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Why type it again?\n\n"
          + "00:01:05.000 --> 00:01:09.500\n<v Lena Fischer>People don't trust a retailer with"
          + " their card.\n";

  private TestServer server;
  private User ana;
  private Workspace ws;
  private Product product;
  private Browser browser;

  @BeforeEach
  void start(TestApp app) {
    server = TestServer.serving(app);
    ana = server.user("Ana");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  private Research research() {
    return server.app().discovery().research();
  }

  private String hat() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/discovery";
  }

  private record Interview(Study study, Session session, String url) {}

  private Interview interview() {
    Study s = research().studies().create(ana, product.slug(), StudyDraft.of("Saved cards"));
    String ref = Long.toString(s.id());
    var lena = research().studies().addParticipant(ana, ref, ParticipantDraft.of("Lena Fischer"));
    Session session =
        research()
            .sessions()
            .create(
                ana,
                ref,
                new SessionDraft(
                    "2026-03-02", ana.id(), List.of(lena.id()), "She *never* saves cards."));
    research()
        .sessions()
        .uploadTranscript(ana, ref, session.id(), "call.vtt", VTT.getBytes(StandardCharsets.UTF_8));
    return new Interview(s, session, hat() + "/research/" + s.id() + "/sessions/" + session.id());
  }

  @Test
  void emptyResearchAndInsightsExplainThemselvesAndAreTabsOfTheDiscoveryHat() {
    Browser.Page studies = browser.get(hat() + "/research");
    Browser.Page board = browser.get(hat() + "/insights");

    assertThat(studies.status()).isEqualTo(200);
    assertThat(studies.body())
        .contains("No research studies yet")
        .contains("Plan the first study")
        .containsPattern("<a href=\"" + hat() + "/research\" aria-current=\"page\">Research</a>")
        .contains("<a href=\"" + hat() + "/insights\"");
    assertThat(board.status()).isEqualTo(200);
    assertThat(board.body())
        .contains("No insights yet")
        .contains("select what the participant said")
        .containsPattern("<a href=\"" + hat() + "/insights\" aria-current=\"page\">Insights</a>");
    assertThat(browser.get(hat() + "/customers").body())
        .contains("<a href=\"" + hat() + "/research\"");
  }

  @Test
  void aStudyIsWrittenWithTheFormAndABlankTitleIs422ByTheField() {
    Browser.Page refused =
        browser.post(hat() + "/research", "title", " ", "status", "paused", "goals", "Why?");
    Browser.Page made =
        browser.post(
            hat() + "/research",
            "title",
            "Saved cards",
            "status",
            "running",
            "goals",
            "Learn **why**",
            "starts_on",
            "2026-03-01",
            "ends_on",
            "");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Title must not be blank").contains("Why?");
    assertThat(made.status()).isEqualTo(302);
    Browser.Page page = browser.open(made.location());
    assertThat(page.body())
        .contains("<h1>Saved cards</h1>")
        .contains("<strong>why</strong>")
        .contains("Running")
        .contains("No sessions yet")
        .contains("Nobody is in this study yet");
  }

  @Test
  void aParticipantIsAContactOfACustomerAndASessionIsRecordedWithThem() {
    var customers = server.app().discovery().customers();
    Customer brightwave = customers.create(ana, ws.slug(), CustomerDraft.of("Brightwave Retail"));
    var lena =
        customers.addContact(
            ana, Long.toString(brightwave.id()), new ContactDraft("Lena Fischer", "", "VP", null));
    Study s = research().studies().create(ana, product.slug(), StudyDraft.of("Cards"));
    String url = hat() + "/research/" + s.id();

    Browser.Page page = browser.get(url);
    assertThat(page.body()).contains("Brightwave Retail \u2014 Lena Fischer, VP");
    Browser.Page added =
        browser.post(
            url + "/participants",
            "customer",
            brightwave.id() + ":" + lena.id(),
            "name",
            "",
            "role",
            "Shopper");
    assertThat(added.status()).isEqualTo(302);
    long participant = research().studies().participants(ana, Long.toString(s.id())).get(0).id();
    Browser.Page form = browser.get(url + "/sessions/new");
    assertThat(form.body()).contains("Lena Fischer (Brightwave Retail)");
    Browser.Page refused =
        browser.post(url + "/sessions", "held_on", "yesterday", "notes", "Keep me");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Held on must be a day such as 2026-03-14")
        .contains("Keep me");
    Browser.Page made =
        browser.postEach(
            url + "/sessions",
            "held_on",
            "2026-03-02",
            "interviewer_id",
            Long.toString(ana.id()),
            "participant",
            Long.toString(participant),
            "notes",
            "She *never* saves cards.");
    assertThat(made.status()).isEqualTo(302);
    Browser.Page session = browser.open(made.location());
    assertThat(session.body())
        .contains("Session of 2026-03-02")
        .contains("With Lena Fischer")
        .contains("interviewed by Ana")
        .contains("<em>never</em>")
        .contains("No transcript yet");
    assertThat(browser.get(url).body()).contains("2026-03-02</strong> with Lena Fischer");
  }

  @Test
  void anUploadedTranscriptShowsItsPassagesAndABadFileSaysWhichLine() throws Exception {
    Interview it = interview();

    HttpResponse<String> bad =
        upload(it.url() + "/transcript", "broken.vtt", "WEBVTT\n\n00:01.000 --> later\nHi\n");
    HttpResponse<String> good =
        upload(
            it.url() + "/transcript",
            "call.srt",
            "1\n00:00:02,000 --> 00:00:05,000\nLena: Only Apple Pay.\n");
    Browser.Page page = browser.get(it.url());

    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .contains("The transcript was not read: line 3: \u201clater\u201d is not a time");
    assertThat(good.statusCode()).isEqualTo(302);
    assertThat(page.body())
        .contains("call.srt")
        .contains("data-segment=\"0\"")
        .contains("<strong>Lena</strong>")
        .contains("Only Apple Pay.")
        .contains("discovery-research.js");
  }

  @Test
  void aPastedPassageBecomesAnInsightOnTheSessionAndTheBoardAndAWrongOneIs422() {
    Interview it = interview();
    WorkItem feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "One-click saved cards"));

    Browser.Page wrong =
        browser.post(
            it.url() + "/insights",
            "quote",
            "I love forms",
            "source",
            "transcript",
            "segment",
            "1",
            "tags",
            "trust");
    Browser.Page made =
        browser.post(
            it.url() + "/insights",
            "quote",
            "People don't trust a retailer",
            "source",
            "transcript",
            "segment",
            "1",
            "note",
            "Trust comes first",
            "tags",
            "trust, saved-cards",
            "supports",
            feature.key());

    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body())
        .contains("The quote does not occur in the session's transcript")
        .contains("I love forms");
    assertThat(made.status()).isEqualTo(302);
    assertThat(made.location()).endsWith(it.url() + "#insights");
    assertThat(browser.get(it.url()).body())
        .contains("<q>People don't trust a retailer</q>")
        .contains("Lena Fischer · 1:05");
    Browser.Page board = browser.get(hat() + "/insights?study=" + it.study().id());
    assertThat(board.body())
        .contains("<span class=\"tag\">trust</span>")
        .contains("<span class=\"tag\">saved-cards</span>")
        .contains("supports <a class=\"item-key\" href=\"/i/" + feature.key() + "\">")
        .contains("Lena Fischer");
    InsightView insight =
        research()
            .insights()
            .list(ana, product.slug(), null, null, null, 10)
            .slice()
            .items()
            .get(0);
    Browser.Page shown = browser.get(hat() + "/insights/" + insight.insight().id());
    assertThat(shown.body())
        .contains("People don't trust a retailer")
        .contains("in the transcript at 1:05")
        .contains("Trust comes first");
  }

  @Test
  void theBoardHasAnUntaggedColumnAndDeletingAnInsightOffersUndo() {
    Interview it = interview();
    var made =
        research()
            .insights()
            .create(
                ana,
                product.slug(),
                InsightDraft.from(it.session().id(), null, null, "Why type it again?"));
    String url = hat() + "/insights/" + made.id();

    assertThat(browser.get(hat() + "/insights").body())
        .contains("Untagged <span class=\"count\">1</span>");
    Browser.Page deleted = browser.post(url + "/delete", "version", "1");
    assertThat(deleted.location()).isEqualTo(hat() + "/insights");
    Browser.Page after = browser.open(deleted.location());
    assertThat(after.body())
        .contains("Deleted the insight " + made.key())
        .contains(url + "/restore")
        .contains("No insights yet");
    Browser.Page restored = browser.post(url + "/restore");
    assertThat(restored.location()).isEqualTo(url);
    assertThat(browser.get(url).status()).isEqualTo(200);
  }

  private HttpResponse<String> upload(String path, String name, String content) {
    String boundary = "----vtt" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + browser.csrf()
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + name
            + "\"\r\nContent-Type: text/plain\r\n\r\n"
            + content
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Cookie",
                "hatrack_session="
                    + browser.cookie("hatrack_session")
                    + "; hatrack_anon="
                    + browser.cookie("hatrack_anon"))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
