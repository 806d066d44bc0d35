package io.hatrack.kernel.web;

/** A set of routes (API endpoints and pages) that a hat or the kernel contributes. */
@FunctionalInterface
public interface Routes {
  void register(Router router);
}
