package io.hatrack.definition.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkout's custom fields in the demo story: risk, customer value, confidence, a value score
 * computed from them, whether the design is ready, and a target date, filled in on the saved-cards
 * work. Items the work-items seed has not made (yet) are skipped.
 */
public final class CustomFieldsDemo implements DemoSeed {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Database db;
  private final CustomFieldService fields;
  private final ProductService products;

  public CustomFieldsDemo(Database db, CustomFieldService fields, ProductService products) {
    this.db = db;
    this.fields = fields;
    this.products = products;
  }

  @Override
  public void seed(DemoStory story) {
    story.at(35, 1);
    LocalDate today = LocalDate.ofInstant(story.clock().instant(), ZoneOffset.UTC);
    db.txVoid(
        h -> {
          ProductAccess checkout =
              products.access(h, story.ana(), Long.toString(story.checkout().id()));
          List<CustomField> defined = define(h, story, checkout);
          Map<String, CustomField> byKey = new LinkedHashMap<>();
          defined.forEach(f -> byKey.put(f.key(), f));

          fill(
              h,
              story,
              checkout,
              byKey,
              "Reduce checkout drop-off",
              values(
                  "customer_value", NODES.numberNode(9),
                  "confidence", NODES.numberNode(7),
                  "target_date", NODES.textNode(today.plusDays(120).toString())));
          fill(
              h,
              story,
              checkout,
              byKey,
              "Saved payment methods",
              values(
                  "risk", NODES.textNode("Medium"),
                  "customer_value", NODES.numberNode(9),
                  "confidence", NODES.numberNode(8),
                  "target_date", NODES.textNode(today.plusDays(75).toString())));
          fill(
              h,
              story,
              checkout,
              byKey,
              "One-click saved cards",
              values(
                  "risk", NODES.textNode("Medium"),
                  "customer_value", NODES.numberNode(9),
                  "confidence", NODES.numberNode(8),
                  "design_ready", NODES.booleanNode(true),
                  "target_date", NODES.textNode(today.plusDays(60).toString())));
          fill(
              h,
              story,
              checkout,
              byKey,
              "3-D Secure retry",
              values(
                  "risk", NODES.textNode("High"),
                  "customer_value", NODES.numberNode(7),
                  "confidence", NODES.numberNode(5),
                  "design_ready", NODES.booleanNode(false),
                  "target_date", NODES.textNode(today.plusDays(90).toString())));
          fill(
              h,
              story,
              checkout,
              byKey,
              "Save a card at checkout",
              values("risk", NODES.textNode("Low"), "design_ready", NODES.booleanNode(true)));
          fill(
              h,
              story,
              checkout,
              byKey,
              "Pay with a saved card",
              values("risk", NODES.textNode("Medium"), "design_ready", NODES.booleanNode(true)));
          fill(
              h,
              story,
              checkout,
              byKey,
              "Remove a saved card",
              values("risk", NODES.textNode("Low"), "design_ready", NODES.booleanNode(false)));
          fill(
              h,
              story,
              checkout,
              byKey,
              "3-D Secure challenge fails on Safari",
              values("risk", NODES.textNode("High")));
        });
  }

  private List<CustomField> define(
      org.jdbi.v3.core.Handle h, DemoStory story, ProductAccess checkout) {
    return List.of(
        fields.create(
            h,
            story.ana(),
            checkout,
            FieldInput.of("Risk", "select")
                .withOptions("Low", "Medium", "High")
                .withItemTypes("epic", "feature", "story", "bug")),
        fields.create(
            h,
            story.ana(),
            checkout,
            FieldInput.of("Customer value", "number")
                .withItemTypes("initiative", "epic", "feature")),
        fields.create(
            h,
            story.ana(),
            checkout,
            FieldInput.of("Confidence", "number").withItemTypes("initiative", "epic", "feature")),
        fields.create(
            h,
            story.ana(),
            checkout,
            FieldInput.of("Value score", "formula")
                .withFormula("round(customer_value * confidence / max(estimate, 1), 1)")
                .withItemTypes("initiative", "epic", "feature")),
        fields.create(
            h,
            story.ana(),
            checkout,
            FieldInput.of("Design ready", "checkbox").withItemTypes("feature", "story")),
        fields.create(
            h,
            story.ana(),
            checkout,
            FieldInput.of("Target date", "date").withItemTypes("initiative", "epic", "feature")));
  }

  private static Map<String, JsonNode> values(Object... pairs) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put((String) pairs[i], (JsonNode) pairs[i + 1]);
    }
    return m;
  }

  /** Sets the values that apply to the item with this title, if the demo has it. */
  private void fill(
      org.jdbi.v3.core.Handle h,
      DemoStory story,
      ProductAccess checkout,
      Map<String, CustomField> byKey,
      String title,
      Map<String, JsonNode> values) {
    Optional<CustomFieldService.ItemRef> item = fields.workItemByTitle(h, checkout.id(), title);
    if (item.isEmpty()) {
      return;
    }
    Map<String, JsonNode> applying = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          CustomField field = byKey.get(key);
          if (field != null && field.appliesTo(item.get().type())) {
            applying.put(key, value);
          }
        });
    story.later(7);
    fields.setValues(h, story.ana(), checkout, item.get().id(), item.get().type().id(), applying);
  }
}
