package io.hatrack.discovery.feedback.themes;

/**
 * What a run of the grouping did, the result of its job.
 *
 * @param method the method, as {@link ThemeService#METHOD}
 * @param grouped how many pieces of untriaged feedback it read
 * @param themes how many themes there are now
 * @param kept how many of them the PM had shaped (kept from before)
 * @param themed how many pieces of feedback are in a theme
 * @param unthemed how many are in none
 * @param millis how long it took
 */
public record ThemeRunReport(
    String method, long grouped, int themes, int kept, long themed, long unthemed, long millis) {}
