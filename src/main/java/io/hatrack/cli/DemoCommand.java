package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.demo.DemoClock;
import io.hatrack.kernel.demo.DemoStory;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hatrack demo}: {@code serve}, after seeding the demo story into an empty data dir. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start Hatrack with the demo workspace (Northwind Labs), seeding it first when the data"
          + " directory is empty. Sign in as "
          + DemoStory.LOGIN_EMAIL
          + " / "
          + DemoStory.PASSWORD
          + "."
    })
public final class DemoCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;
  @Mixin ServerOptions server;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig config =
        AppConfig.defaults(
            storage.dataDir(), storage.databaseUrl(), server.host("127.0.0.1"), server.port);
    boolean seeded = seed(config);
    String login =
        (seeded ? "Seeded the demo workspace Northwind Labs. " : "")
            + "Sign in as "
            + DemoStory.LOGIN_EMAIL
            + " with the password "
            + DemoStory.PASSWORD;
    ServeCommand.runUntilStopped(config, login);
    return 0;
  }

  /** Seeds the demo with a clock that walks through the past weeks; false if there was data. */
  static boolean seed(AppConfig config) {
    AppConfig seeding =
        new AppConfig(
            config.dataDir(),
            config.databaseUrl(),
            config.host(),
            0,
            config.baseUrl(),
            config.poolSize(),
            config.hasher(),
            new DemoClock(Clock.systemUTC().instant()));
    try (App app = new App(seeding)) {
      return app.seedDemoIfEmpty();
    }
  }
}
