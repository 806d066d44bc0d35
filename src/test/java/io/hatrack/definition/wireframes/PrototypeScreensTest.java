package io.hatrack.definition.wireframes;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.prototypes.Prototype;
import io.hatrack.definition.prototypes.PrototypeService;
import io.hatrack.definition.prototypes.Screen;
import io.hatrack.definition.prototypes.ScreenSource.ScreenCandidate;
import io.hatrack.definition.prototypes.ScreenSource.ScreenImage;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A product's wireframes and images become prototype screens that follow their wireframe. */
@OnEveryDatabase
class PrototypeScreensTest {

  @Test
  void aWireframeAndAnAttachedImageArePickedAsScreensAndTheScreenFollowsTheWireframe(TestApp app) {
    Team team = team(app);
    Team other = team(app);
    var part = app.app().definition().wireframes();
    PrototypeService prototypes = app.app().definition().prototypes();
    Wireframe w =
        part.wireframes().create(team.owner(), team.product().slug(), "Pay", "{\n  [Pay now]\n}");
    var feature =
        app.app()
            .definition()
            .workItems()
            .create(team.owner(), team.product().slug(), NewWorkItem.of("feature", "Cards"));
    Attachment a =
        part.attachments().upload(team.owner(), feature.key(), "flow.png", Images.png(64, 48));
    part.wireframes().create(other.owner(), other.product().slug(), "Theirs", "{\n  [No]\n}");
    Prototype p = prototypes.create(team.owner(), team.product().slug(), "Flow", "");

    assertThat(prototypes.candidates(team.owner(), p.key()))
        .extracting(ScreenCandidate::kind, ScreenCandidate::id, ScreenCandidate::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "wireframe", w.id(), w.item().key() + " Pay (wireframe)"),
            org.assertj.core.groups.Tuple.tuple("attachment", a.id(), "flow.png (image)"));

    Screen drawn =
        prototypes.addFromSource(team.owner(), p.key(), 1, null, "wireframe", w.id()).value();
    Screen photo =
        prototypes.addFromSource(team.owner(), p.key(), 2, null, "attachment", a.id()).value();

    ScreenImage image = prototypes.image(team.owner(), p.key(), drawn.id());
    assertThat(image.contentType()).isEqualTo("image/svg+xml");
    assertThat(new String(image.bytes(), StandardCharsets.UTF_8)).contains("Pay now");
    assertThat(image.width()).isPositive();
    ScreenImage png = prototypes.image(team.owner(), p.key(), photo.id());
    assertThat(png.bytes()).isEqualTo(Images.png(64, 48));
    assertThat(png.width()).isEqualTo(64);
    assertThat(png.height()).isEqualTo(48);

    part.wireframes().update(team.owner(), w.item().key(), 1, null, "{\n  [Pay with card]\n}");

    assertThat(
            new String(
                prototypes.image(team.owner(), p.key(), drawn.id()).bytes(),
                StandardCharsets.UTF_8))
        .contains("Pay with card");
  }
}
