package io.hatrack.definition.wireframes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.sourceforge.plantuml.security.SecurityProfile;
import net.sourceforge.plantuml.security.SecurityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaltRendererTest {
  private final SaltRenderer renderer = new SaltRenderer();

  @AfterAll
  void close() {
    renderer.close();
  }

  private static String svg(SaltRenderer.Rendering r) {
    assertThat(r.problem()).as("problem").isNull();
    return new String(r.svg(), StandardCharsets.UTF_8);
  }

  @Test
  void aBareBlockIsWrappedAndDrawnAsSvgWithItsWidgets() {
    String svg = svg(renderer.render("{\n  Login | \"ana\"\n  [Cancel] | [  OK  ]\n}"));

    assertThat(svg).contains("<svg").contains(">Login<").contains(">Cancel<").contains(">OK<");
    assertThat(svg).doesNotContain("<!--").doesNotContain("<script");
  }

  @Test
  void startsaltAndStartumlWithSaltAreBothAccepted() {
    assertThat(svg(renderer.render("@startsalt\n{\n  [OK]\n}\n@endsalt"))).contains(">OK<");
    assertThat(svg(renderer.render("@startuml\nsalt\n{\n  [Pay]\n}\n@enduml\n"))).contains(">Pay<");
  }

  @Test
  void aBlockNeverClosedIsReportedOnItsLineInThePersonsNumbering() {
    String source = "{\n  Name | \"ana\"\n  {\n    [OK]\n}";

    SaltRenderer.Rendering r = renderer.render(source);

    assertThat(r.ok()).isFalse();
    assertThat(r.svg()).isNull();
    assertThat(r.problem().line()).isEqualTo(1);
    assertThat(r.problem().message()).contains("never closed");
  }

  @Test
  void theLineCountsFromTheStartsaltLineWhenThePersonWroteIt() {
    String source = "@startsalt\n{\n  [OK]\n}\n}\n@endsalt";

    SaltRenderer.Rendering r = renderer.render(source);

    assertThat(r.problem().line()).isEqualTo(5);
    assertThat(r.problem().message()).contains("closes no block");
  }

  @Test
  void somethingAfterTheEndLineIsReportedRatherThanSilentlyLeftOut() {
    SaltRenderer.Rendering r = renderer.render("@startsalt\n{\n  [OK]\n}\n@endsalt\n\n  [More]");

    assertThat(r.problem().line()).isEqualTo(7);
    assertThat(r.problem().message()).contains("after the @end line");
  }

  @Test
  void textBeforeTheFirstBlockWhichCrashesPlantUmlIsAnErrorNotACrashPicture() {
    SaltRenderer.Rendering r = renderer.render("@startsalt\nhello\n@endsalt");

    assertThat(r.ok()).isFalse();
    assertThat(r.svg()).isNull();
    assertThat(r.problem().line()).isEqualTo(2);
    assertThat(r.problem().message()).contains("starts with a { block }");
  }

  @Test
  void aPreprocessorErrorComesWithPlantUmlsLine() {
    SaltRenderer.Rendering r = renderer.render("{\n  [OK]\n!endif\n}");

    assertThat(r.ok()).isFalse();
    assertThat(r.problem().line()).isEqualTo(3);
    assertThat(r.svg()).isNull();
  }

  @Test
  void includesImportsThemesAndEnvironmentLookupsAreRefusedBeforePlantUmlSeesThem() {
    assertThat(renderer.render("{\n  !include /etc/passwd\n}").problem())
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).contains("!include").contains("not allowed");
            });
    assertThat(renderer.render("{\n [OK]\n !includeurl http://example.com/x\n}").problem().line())
        .isEqualTo(3);
    assertThat(renderer.render("{\n !import lib\n}").problem().message()).contains("!import");
    assertThat(renderer.render("!theme cerulean from http://x\n{\n [a]\n}").problem().line())
        .isEqualTo(1);
    assertThat(renderer.render("{\n  %getenv(\"HOME\")\n}").problem().message())
        .contains("%getenv");
    assertThat(renderer.render("{\n  !$j = %load_json(\"/etc/x.json\")\n}").problem().message())
        .contains("%load_json");
    assertThat(renderer.render("{\n  <img:/etc/hostname>\n}").problem().message())
        .contains("attach the image");
  }

  @Test
  void plantUmlRunsInItsSandboxProfile() {
    renderer.render("{\n [OK]\n}");

    assertThat(SecurityUtils.getSecurityProfile()).isEqualTo(SecurityProfile.SANDBOX);
  }

  @Test
  void otherDiagramTypesAreNotWireframes() {
    assertThat(renderer.render("@startuml\nBob -> Alice\n@enduml").problem().message())
        .contains("salt");
    assertThat(renderer.render("@startditaa\n+--+\n@endditaa").problem().message())
        .contains("not a wireframe");
  }

  @Test
  void anEmptyOrTooLargeSourceIsRefused() {
    assertThat(renderer.render("  \n").problem().message()).contains("empty");
    String huge = "{\n" + "  [OK]\n".repeat(SaltSource.MAX_CHARS / 7 + 1) + "}";

    assertThat(renderer.render(huge).problem().message()).contains("at most 65536");
  }

  @Test
  void aDrawingThatTakesTooLongIsGivenUpWithAClearMessageOnceWarm() {
    try (SaltRenderer impatient = new SaltRenderer(Duration.ofMillis(1))) {
      assertThat(impatient.render("{\n  [OK]\n}").ok())
          .as("the first drawing may take the time PlantUML needs to load")
          .isTrue();
      String source =
          "{\n" + "  Field | \"value\" | [Button] | ^Choice^ | [X] Option\n".repeat(200) + "}";

      SaltRenderer.Rendering r = impatient.render(source);

      assertThat(r.ok()).isFalse();
      assertThat(r.problem().message()).contains("took longer than 1 ms");
    }
  }

  @Test
  void theRenderingIsTheSameForTheSameSource() {
    String source = "{\n  [OK] | [Cancel]\n}";

    assertThat(renderer.render(source).svg()).isEqualTo(renderer.render(source).svg());
  }
}
