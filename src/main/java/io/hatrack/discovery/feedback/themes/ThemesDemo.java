package io.hatrack.discovery.feedback.themes;

import io.hatrack.discovery.feedback.themes.ThemeViews.ThemeView;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.jobs.JobProgress;
import java.util.List;

/**
 * The themes' part of the demo story: Ana groups Checkout's untriaged feedback (support tickets,
 * sales calls, portal ideas, survey answers) into themes, so that the themes page and the inbox's
 * theme filter have something to show from the start.
 */
final class ThemesDemo implements DemoSeed {
  private final ThemeService themes;

  ThemesDemo(ThemeService themes) {
    this.themes = themes;
  }

  @Override
  public void seed(DemoStory story) {
    String checkout = story.checkout().slug();
    themes.run(story.ana(), checkout, JobProgress.NONE);
    // Ana names the saved-cards theme and puts a quote of the next theme into it by hand, so
    // that the page shows a theme she shaped (kept by later runs).
    List<ThemeView> list = themes.overview(story.ana(), checkout).themes();
    list.stream()
        .filter(t -> t.terms().stream().anyMatch(w -> w.startsWith("card")))
        .findFirst()
        .ifPresent(
            cards -> {
              themes.rename(story.ana(), cards.id(), null, "Saved cards");
              list.stream()
                  .filter(t -> t.id() != cards.id() && !t.quotes().isEmpty())
                  .findFirst()
                  .ifPresent(
                      other ->
                          themes.tag(
                              story.ana(), Long.toString(other.quotes().get(0).id()), cards.id()));
            });
  }
}
