package io.hatrack.definition.wireframes;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class WireframesDemoTest {

  @Test
  void theDemoHasTheSavedCardsWireframesLinkedToTheFeatureWithAFlowSketch(@Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    Wireframes part = app.app().definition().wireframes();

    List<WireframeSummary> list = part.wireframes().list(ana, "checkout", null, 50).items();

    assertThat(list)
        .extracting(s -> s.item().title())
        .containsExactlyInAnyOrder(WireframesDemo.CHECKOUT_TITLE, WireframesDemo.WALLET_TITLE);
    WireframeSummary checkout =
        list.stream()
            .filter(s -> s.item().title().equals(WireframesDemo.CHECKOUT_TITLE))
            .findFirst()
            .orElseThrow();
    assertThat(checkout.sourceVersion()).isEqualTo(2);
    String svg =
        new String(part.wireframes().svg(ana, checkout.item().key()), StandardCharsets.UTF_8);
    assertThat(svg).contains("Save this card for next time").contains("Pay");
    assertThat(widgets(svg)).isBetween(30, 60);
    var links = app.collaboration().links().list(ana, checkout.item().key());
    assertThat(links).extracting(l -> l.other().title()).contains("One-click saved cards");
    String feature =
        links.stream()
            .filter(l -> l.other().title().equals("One-click saved cards"))
            .findFirst()
            .orElseThrow()
            .other()
            .key();
    assertThat(part.attachments().list(ana, feature, false).attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.name()).isEqualTo("saved-cards-flow.png");
              assertThat(a.contentType()).isEqualTo("image/png");
              assertThat(a.width()).isEqualTo(640);
            });
  }

  /** The labels drawn: about one per widget (a field, a button, a radio, a menu entry). */
  private static int widgets(String svg) {
    Matcher m = Pattern.compile("<text\\b").matcher(svg);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
