package io.hatrack.discovery.feedback.themes;

import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.jobs.JobProgress;

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
    themes.run(story.ana(), story.checkout().slug(), JobProgress.NONE);
  }
}
