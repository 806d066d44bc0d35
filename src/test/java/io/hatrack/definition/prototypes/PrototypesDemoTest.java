package io.hatrack.definition.prototypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class PrototypesDemoTest {

  @Test
  void theDemoHasAClickThroughOfSavedCardsWithAWorkingShareLink(@Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana =
        app.sessions().signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "demo-test", null).user();
    PrototypeService prototypes = app.app().definition().prototypes();

    var listed = prototypes.list(ana, "checkout", null, 10).items();

    assertThat(listed).singleElement().satisfies(s -> assertThat(s.screens()).isEqualTo(3));
    Prototype p = prototypes.get(ana, listed.get(0).item().key()).prototype();
    assertThat(p.title()).isEqualTo(PrototypesDemo.TITLE);
    assertThat(p.screens())
        .extracting(Screen::name)
        .containsExactly("Cart", "Checkout with saved card", "Payment confirmed");
    assertThat(p.hotspotCount()).isEqualTo(4);
    Screen pay = p.screens().get(1);
    assertThat(pay.hotspots())
        .extracting(Hotspot::label, h -> p.screen(h.targetScreenId()).orElseThrow().name())
        .contains(org.assertj.core.groups.Tuple.tuple("Pay button", "Payment confirmed"));
    assertThat(p.start().orElseThrow().name()).isEqualTo("Cart");
    assertThat(prototypes.shares(ana, p.key()))
        .singleElement()
        .satisfies(s -> assertThat(s.active()).isTrue());
    String svg =
        new String(prototypes.image(ana, p.key(), pay.id()).bytes(), StandardCharsets.UTF_8);
    assertThat(svg).contains("Pay \u20ac84.00").contains("4242");
  }

  @Test
  void theDemoScreensAreImagesTheUploadCheckAccepts() {
    for (byte[] screen :
        new byte[][] {PrototypesDemo.cart(), PrototypesDemo.pay(), PrototypesDemo.confirmed()}) {
      var image = UploadedImages.read(screen, "image/svg+xml");
      assertThat(image.width()).isEqualTo(390);
      assertThat(image.height()).isEqualTo(844);
    }
  }
}
