package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.surveys.QuestionDraft;
import io.hatrack.discovery.surveys.Survey;
import io.hatrack.discovery.surveys.SurveyDraft;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A customer answers a public survey in real Chromium, without an account: a refused first try,
 * then a complete answer, the thank-you page, and the PM's results page changing with it; no script
 * or style refused by the page's policy on the way.
 */
class SurveyAnswerBrowserTest extends ChromiumTest {
  SurveyAnswerBrowserTest() {
    super(1100, 1400);
  }

  /** Saves a screenshot under target/ for a person to look at when the test fails. */
  @Test
  void aCustomerAnswersThePublicSurveyAndThePmSeesTheResultsChange() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    Survey survey =
        server
            .app()
            .discovery()
            .surveys()
            .surveys()
            .create(
                ana,
                product.slug(),
                SurveyDraft.of(
                        "Merchant pulse",
                        QuestionDraft.of("nps", ""),
                        QuestionDraft.choice(
                            "multiple", "What do you use?", "Cards", "SEPA", "Wallets"),
                        QuestionDraft.of("text", "What should we improve first?").optional(),
                        QuestionDraft.kano("One-click saved cards"))
                    .withStatus("open"));
    long nps = survey.questions().get(0).id();
    long uses = survey.questions().get(1).id();
    long text = survey.questions().get(2).id();
    long kano = survey.questions().get(3).id();
    String results =
        server.url()
            + "/w/"
            + ws.slug()
            + "/"
            + product.slug()
            + "/discovery/surveys/"
            + survey.id();

    signIn(ana.email());
    driver.get(results);
    assertThat(find("main").getText()).contains("No answers yet");
    driver.manage().deleteAllCookies();

    // A customer with the link and no account.
    driver.get(server.url() + survey.publicPath());
    assertThat(find("h1").getText()).isEqualTo("Merchant pulse");
    find("input[name='q" + uses + "'][value='Cards']").click();
    find("form.survey-form button[type=submit]").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-errors")));
    assertThat(find("#question-" + nps + " .error").getText())
        .isEqualTo("Please answer this question.");
    assertThat(find("input[name='q" + uses + "'][value='Cards']").isSelected()).isTrue();

    // The scale's radio buttons are drawn as numbered boxes; a person clicks the box.
    driver.findElement(By.xpath("//input[@name='q" + nps + "'][@value='9']/parent::label")).click();
    find("input[name='q" + uses + "'][value='Wallets']").click();
    find("#f-q" + text).sendKeys("Let shoppers save their card.");
    find("input[name='q" + kano + "_f'][value='like']").click();
    find("input[name='q" + kano + "_d'][value='dislike']").click();
    find("#f-name").sendKeys("Mia Chen");
    screenshot("survey-public-form");
    find("form.survey-form button[type=submit]").click();
    wait.until(ExpectedConditions.urlToBe(server.url() + survey.publicPath() + "/thanks"));
    assertThat(find(".survey-thanks").getText()).contains("Thank you!");

    signIn(ana.email());
    driver.get(results);
    String page = find("main").getText();
    screenshot("survey-results");
    assertThat(page)
        .contains("1 response")
        .contains("+100.0")
        .contains("Promoters (9–10): 1 · 100.0 %")
        .contains("Let shoppers save their card.")
        .contains("Mia Chen")
        .contains("O · one-dimensional");
    List<String> refused =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(e -> e.getMessage())
            // The refused first try answered 422 on purpose; Chromium logs every 4xx.
            .filter(m -> !m.contains("status of 422"))
            .toList();
    assertThat(refused).as("console errors (CSP refusals show here)").isEmpty();
  }
}
