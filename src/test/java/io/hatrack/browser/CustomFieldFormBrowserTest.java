package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.fields.CustomFieldService;
import io.hatrack.definition.fields.FieldInput;
import io.hatrack.definition.fields.FieldValue;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The item form's custom fields in real Chromium: the type's fields follow the chosen type. */
class CustomFieldFormBrowserTest extends ChromiumTest {
  CustomFieldFormBrowserTest() {
    super(1400, 1000);
  }

  @Test
  void choosingAnotherTypeShowsItsFieldsKeepsWhatWasTypedAndTheFormSavesThem() {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    CustomFieldService fields = server.app().definition().fields();
    fields.create(ana, product.slug(), FieldInput.of("Reach", "number"));
    fields.create(ana, product.slug(), FieldInput.of("Persona", "text").withItemTypes("story"));
    fields.create(ana, product.slug(), FieldInput.of("Design ready", "checkbox"));
    String base = "/w/" + ws.slug() + "/" + product.slug() + "/definition";
    signIn(ana);

    driver.get(server.url() + base + "/items/new?type=feature");
    find("#f-title").sendKeys("Pay with a saved card");
    find("#f-cf-reach").sendKeys("5");
    assertThat(driver.findElements(By.id("f-cf-persona"))).isEmpty();
    new Select(find("#f-type")).selectByValue("story");
    find("#f-cf-persona").sendKeys("Returning shopper");
    find("#f-cf-design_ready").click();
    assertThat(find("#custom-fields legend").getText()).isEqualTo("Story fields");
    assertThat(find("#f-cf-reach").getDomProperty("value")).isEqualTo("5");
    find("#item-form button[type=submit].primary").click();

    wait.until(ExpectedConditions.urlContains(base + "/items/" + product.key() + "-"));
    String key = driver.getCurrentUrl().replaceAll(".*/items/", "");
    WorkItem story = server.app().definition().workItems().get(ana, key).item();
    Map<String, FieldValue> values =
        server.app().database().read(h -> fields.values(h, List.of(story.id()))).get(story.id());
    assertThat(story.type().id()).isEqualTo("story");
    assertThat(values).containsOnlyKeys("reach", "persona", "design_ready");
    assertThat(values.get("reach").json().asLong()).isEqualTo(5);
    assertThat(values.get("persona").json().asText()).isEqualTo("Returning shopper");
    JsonNode ready = values.get("design_ready").json();
    assertThat(ready.asBoolean()).isTrue();
    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .toList();
    assertThat(errors).isEmpty();
  }
}
