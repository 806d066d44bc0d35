package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.research.Insight;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;

/**
 * A PM selects a passage of an interview transcript in real Chromium: the page's script fills the
 * "New insight" form with the quote and the segment, the PM adds a tag and saves, and the insight
 * keeps the segment, its offsets, the time and the speaker; no script or style refused by the
 * page's policy on the way.
 */
class ResearchHighlightBrowserTest extends ChromiumTest {
  ResearchHighlightBrowserTest() {
    super(1300, 1400);
  }

  private static final String VTT =
      "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Why do you type the card again?\n\n"
          + "00:01:05.000 --> 00:01:09.500\n<v Lena Fischer>People don't trust a retailer with"
          + " their card.\n\n00:01:10.000 --> 00:01:15.000\n<v Lena Fischer>On the phone the"
          + " keyboard covers the pay button.\n";

  @Test
  void selectingTranscriptTextFillsTheFormAndCreatesAnInsightWithItsSegment() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    Research research = server.app().discovery().research();
    Study study = research.studies().create(ana, product.slug(), StudyDraft.of("Saved cards"));
    String ref = Long.toString(study.id());
    var lena = research.studies().addParticipant(ana, ref, ParticipantDraft.of("Lena Fischer"));
    Session session =
        research
            .sessions()
            .create(
                ana, ref, new SessionDraft("2026-03-02", ana.id(), List.of(lena.id()), "Notes"));
    research
        .sessions()
        .uploadTranscript(ana, ref, session.id(), "call.vtt", VTT.getBytes(StandardCharsets.UTF_8));
    String hat = server.url() + "/w/" + ws.slug() + "/" + product.slug() + "/discovery";

    signIn(ana);
    driver.get(hat + "/research/" + study.id() + "/sessions/" + session.id());

    WebElement passage = find("li[data-segment='1'] .research-seg-text");
    int half = passage.getSize().getWidth() / 2;
    new Actions(driver)
        .moveToElement(passage, -half + 1, 0)
        .clickAndHold()
        .moveToElement(passage, half - 1, 0)
        .release()
        .perform();
    wait.until(d -> !find("#f-quote").getDomProperty("value").isEmpty());
    String quote = find("#f-quote").getDomProperty("value");
    screenshot("research-highlight");

    assertThat(quote)
        .contains("trust a retailer")
        .doesNotContain("Lena Fischer")
        .doesNotContain("1:05");
    assertThat("People don't trust a retailer with their card.").contains(quote);
    assertThat(driver.findElement(By.name("segment")).getDomProperty("value")).isEqualTo("1");
    assertThat(find("#f-source").getDomProperty("value")).isEqualTo("transcript");
    assertThat(find("#highlight-status").getText()).contains("from the transcript");

    find("#f-tags").sendKeys("trust");
    find("#f-note").sendKeys("Trust comes before convenience.");
    find("form[data-highlight-form] button[type=submit]").click();
    wait.until(d -> d.getCurrentUrl().endsWith("#insights"));

    assertThat(find("#insights").getText())
        .contains(quote)
        .contains("Lena Fischer")
        .contains("1:05");
    List<InsightView> made =
        research.insights().list(ana, product.slug(), null, null, null, 10).slice().items();
    assertThat(made).hasSize(1);
    Insight insight = made.get(0).insight();
    assertThat(insight.segment()).isEqualTo(1);
    assertThat(insight.startOffset())
        .isEqualTo("People don't trust a retailer with their card.".indexOf(quote));
    assertThat(insight.participantName()).isEqualTo("Lena Fischer");
    assertThat(made.get(0).tags()).containsExactly("trust");

    driver.get(hat + "/insights");
    assertThat(find(".research-board").getText()).contains("trust").contains(quote);
    var refused =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(e -> e.getMessage())
            .toList();
    assertThat(refused).as("console errors (CSP refusals show here)").isEmpty();
  }
}
