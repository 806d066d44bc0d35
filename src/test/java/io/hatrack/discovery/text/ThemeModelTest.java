package io.hatrack.discovery.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeModelTest {

  private static final List<String> DARK_MODE =
      List.of(
          "Please add a dark mode, the white screen hurts my eyes at night",
          "Dark mode would be great for night shifts",
          "Is a dark theme planned? My eyes hurt",
          "We need a dark mode option in the settings",
          "The bright white theme is painful at night, dark mode please",
          "Dark theme for the mobile app please");
  private static final List<String> EXPORT =
      List.of(
          "CSV export drops the last row of invoices",
          "Export to CSV is missing the invoice totals",
          "The invoice export to Excel has broken dates",
          "Exporting invoices to CSV times out for large accounts",
          "CSV export of invoices uses the wrong decimal separator",
          "Invoice export should include the tax column");
  private static final List<String> LOGIN =
      List.of(
          "SSO login with Okta fails after password reset",
          "SSO login loops back to the sign-in page",
          "Okta SSO login error for new users",
          "Cannot login with SSO since yesterday",
          "SSO login broken, the password reset email never arrives",
          "SSO login broken for our Okta tenant");

  private static List<FeedbackText> corpus() {
    List<FeedbackText> docs = new ArrayList<>();
    long id = 1;
    for (List<String> group : List.of(DARK_MODE, EXPORT, LOGIN)) {
      for (String text : group) {
        docs.add(new FeedbackText(id++, text));
      }
    }
    return docs;
  }

  /** Ids 1-6 are about dark mode, 7-12 about invoice export, 13-18 about SSO login. */
  private static int topic(long id) {
    return (int) ((id - 1) / 6);
  }

  private static ThemeModel three() {
    return ThemeModel.discover(corpus(), 3, ThemeModel.Options.defaults());
  }

  @Test
  void separatesClearlyDifferentTopics() {
    ThemeModel model = three();

    assertThat(model.themes()).hasSize(3);
    Set<Integer> topics = new HashSet<>();
    for (Theme theme : model.themes()) {
      Set<Integer> inTheme = new HashSet<>();
      theme.members().forEach(id -> inTheme.add(topic(id)));
      assertThat(inTheme).as("theme %s", theme).hasSize(1);
      topics.addAll(inTheme);
      assertThat(theme.size()).isEqualTo(6);
    }
    assertThat(topics).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void choosesTheNumberOfThemesBySilhouette() {
    ThemeModel model = ThemeModel.discover(corpus());

    assertThat(model.themes()).hasSize(3);
  }

  @Test
  void labelsThemesByTheirTopTermsAsWrittenAndQuotesThree() {
    ThemeModel model = three();
    Theme export = theme(model, 8);

    assertThat(export.terms()).contains("export", "csv").hasSizeLessThanOrEqualTo(5);
    assertThat(export.terms().get(0)).isIn("export", "invoices", "csv");
    assertThat(export.name()).isEqualTo(String.join(", ", export.terms().subList(0, 3)));
    assertThat(export.renamed()).isFalse();
    assertThat(export.quotes()).hasSize(3).allMatch(id -> topic(id) == 1);
    assertThat(theme(model, 1).terms()).contains("dark");
  }

  @Test
  void isReproducibleWithTheSameSeed() {
    assertThat(ThemeModel.discover(corpus()).themes())
        .isEqualTo(ThemeModel.discover(corpus()).themes());
  }

  @Test
  void renameChangesOnlyTheName() {
    ThemeModel model = three();
    long key = theme(model, 1).key();

    ThemeModel renamed = model.rename(key, "  Dark mode  ");

    assertThat(theme(renamed, 1).name()).isEqualTo("Dark mode");
    assertThat(theme(renamed, 1).renamed()).isTrue();
    assertThat(theme(renamed, 1).members()).isEqualTo(theme(model, 1).members());
    assertThat(theme(renamed.rename(key, " "), 1).renamed()).isFalse();
  }

  @Test
  void mergeKeepsTheTargetsKeyAndAllMembers() {
    ThemeModel model = three();
    Theme dark = theme(model, 1);
    Theme export = theme(model, 7);

    ThemeModel merged = model.rename(dark.key(), "UI").merge(dark.key(), export.key());

    assertThat(merged.themes()).hasSize(2);
    Theme both = merged.theme(dark.key()).orElseThrow();
    assertThat(both.name()).isEqualTo("UI");
    assertThat(both.members())
        .containsExactlyInAnyOrderElementsOf(concat(dark.members(), export.members()));
    assertThat(merged.theme(export.key())).isEmpty();
    assertThatThrownBy(() -> merged.merge(dark.key(), dark.key()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void splitSeparatesAMergedThemeAgain() {
    ThemeModel model = three();
    Theme dark = theme(model, 1);
    Theme login = theme(model, 13);
    ThemeModel merged = model.merge(dark.key(), login.key());

    ThemeModel split = merged.split(dark.key());

    assertThat(split.themes()).hasSize(3);
    for (Theme theme : split.themes()) {
      Set<Integer> topics = new HashSet<>();
      theme.members().forEach(id -> topics.add(topic(id)));
      assertThat(topics).as("theme %s", theme).hasSize(1);
    }
    long before = merged.themes().stream().mapToLong(Theme::key).max().orElseThrow();
    long newKey = split.themes().stream().mapToLong(Theme::key).max().orElseThrow();
    assertThat(newKey).isEqualTo(before + 1);
    assertThat(split.theme(dark.key())).isPresent();
  }

  @Test
  void assignsNewFeedbackToTheNearestTheme() {
    ThemeModel model = three();

    assertThat(model.assign("Dark mode for the desktop app please").orElseThrow().key())
        .isEqualTo(theme(model, 1).key());
    assertThat(model.assign("Okta SSO login does not work").orElseThrow().key())
        .isEqualTo(theme(model, 13).key());
    assertThat(model.assign("Our warehouse robots need firmware updates")).isEmpty();
    assertThat(model.assign("")).isEmpty();
  }

  @Test
  void learnsFromTagsForNewFeedback() {
    List<FeedbackText> docs = new ArrayList<>(corpus());
    docs.add(new FeedbackText(100, "Night shift nurses find the screen too bright"));
    docs.add(new FeedbackText(101, "Screen brightness at night is too harsh"));
    ThemeModel model = ThemeModel.discover(docs, 3, ThemeModel.Options.defaults());
    long darkKey = theme(model, 1).key();
    long exportKey = theme(model, 7).key();
    String text = "the screen is too bright at night";
    // Put the brightness complaints in the export theme: the next one follows them there.
    ThemeModel tagged = model.tag(100, exportKey).tag(101, exportKey);

    assertThat(tagged.theme(exportKey).orElseThrow().members()).contains(100L, 101L);
    assertThat(tagged.theme(darkKey).orElseThrow().members()).doesNotContain(100L, 101L);
    assertThat(tagged.assign(text).orElseThrow().key()).isEqualTo(exportKey);
    assertThat(tagged.untag(100).unthemed()).contains(100L);
  }

  @Test
  void restoresStoredThemesExactly() {
    ThemeModel model = three().rename(1, "Named");

    ThemeModel restored = ThemeModel.restore(corpus(), model.specs(), model.options());

    assertThat(restored.themes()).isEqualTo(model.themes());
    assertThatThrownBy(
            () ->
                ThemeModel.restore(
                    corpus(),
                    List.of(new ThemeModel.Spec(1, null, List.of(999L))),
                    model.options()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textsWithoutWordsBelongToNoTheme() {
    List<FeedbackText> docs = new ArrayList<>(corpus());
    docs.add(new FeedbackText(200, "the and of it"));

    ThemeModel model = ThemeModel.discover(docs, 3, ThemeModel.Options.defaults());

    assertThat(model.unthemed()).containsExactly(200L);
    assertThat(ThemeModel.discover(List.of()).themes()).isEmpty();
  }

  private static Theme theme(ThemeModel model, long member) {
    return model.themes().stream()
        .filter(t -> t.members().contains(member))
        .findFirst()
        .orElseThrow();
  }

  private static List<Long> concat(List<Long> a, List<Long> b) {
    List<Long> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
