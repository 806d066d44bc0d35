package io.hatrack.kernel.demo;

/**
 * A hat's part of the demo story. The kernel creates the company, people and products; each hat
 * then adds its items to that same story (see UI.md, "The demo story").
 */
@FunctionalInterface
public interface DemoSeed {
  void seed(DemoStory story);
}
