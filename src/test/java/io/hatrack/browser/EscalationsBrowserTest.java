package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Support opens an escalation from the dashboard in real Chromium, answers the customer on its page
 * and sees the first-response clock stop within its target; the demo's dashboard shows its breached
 * and breaching-soon escalations.
 */
class EscalationsBrowserTest extends ChromiumTest {
  EscalationsBrowserTest() {
    super(1300, 1400);
  }

  @Test
  void anEscalationIsOpenedAndItsFirstCustomerUpdateStopsTheFirstResponseClock() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    server
        .app()
        .discovery()
        .customers()
        .create(ana, ws.slug(), CustomerDraft.of("Brightwave Retail").in("Enterprise", "", ""));
    String base = "/w/" + ws.slug() + "/" + product.slug() + "/escalations";

    signIn(ana);
    go(base);
    assertThat(find(".empty").getText()).contains("No open escalations");
    find(".page-head .actions a.button.primary").click();
    new Select(find("#f-customer")).selectByVisibleText("Brightwave Retail (Enterprise)");
    find("#f-title").sendKeys("Safari shoppers fail 3-D Secure");
    new Select(find("#f-severity")).selectByValue("S1");
    find("form.form-card button[type=submit].primary").click();
    wait.until(d -> d.getCurrentUrl().matches(".*/escalations/\\d+$"));
    assertThat(find(".esc-clock").getText()).contains("First response").contains("On track");

    find("input[name=kind][value=customer_update]").click();
    find("#f-text").sendKeys("We reproduced it and are on it.");
    find("form.esc-post button[type=submit]").click();
    wait.until(
        d -> d.findElement(By.cssSelector(".esc-timeline")).getText().contains("reproduced"));
    assertThat(find(".esc-clock").getText()).contains("Met");
    assertThat(find(".esc-timeline").getText()).contains("Customer update");
    screenshot("escalation-page");

    go(base);
    assertThat(find(".esc-table").getText()).contains("Safari shoppers fail 3-D Secure");
    assertThat(find(".esc-severities").getText()).contains("S1 open");
  }

  @Test
  void theDemoDashboardShowsBreachedAndBreachingSoonEscalations() throws Exception {
    assertThat(server.app().seedDemoIfEmpty()).isTrue();
    go("/login");
    find("#f-email").sendKeys(DemoStory.LOGIN_EMAIL);
    find("#f-password").sendKeys(DemoStory.PASSWORD);
    find("form[action='/login'] button[type=submit]").click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));

    go("/w/northwind/checkout/escalations");
    String text = find("main").getText();
    int metrics = driver.findElements(By.cssSelector(".esc-metrics dl")).size();
    String perProduct = find(".esc-by-product").getText();
    screenshot("escalations-dashboard");
    driver.executeScript("document.getElementById('metrics-h').scrollIntoView()");
    screenshot("escalations-metrics");
    driver.get(
        driver
            .findElement(By.linkText("Safari shoppers cannot finish 3-D Secure checkouts"))
            .getAttribute("href"));
    String s1 = find(".esc-timeline").getText();
    screenshot("escalation-demo");
    go("/w/northwind/sla-policies");
    screenshot("sla-policies");

    assertThat(text)
        .contains("Safari shoppers cannot finish 3-D Secure checkouts")
        .contains("Invoice export totals ignore refunds")
        .contains("Breached")
        .contains("Breaching soon");
    assertThat(metrics).isEqualTo(2);
    assertThat(perProduct).contains("Checkout").contains("Mobile");
    assertThat(s1).contains("concerns").contains("3-D Secure challenge fails on Safari");
  }
}
