package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.Version;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hatrack serve}: runs Hatrack until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start Hatrack: the web UI and the API on one port.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;
  @Mixin ServerOptions server;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig config =
        AppConfig.defaults(
            storage.dataDir(), storage.databaseUrl(), server.host("0.0.0.0"), server.port);
    runUntilStopped(config, null);
    return 0;
  }

  /** Starts the app, prints where it listens (and {@code extra}), and waits for shutdown. */
  static void runUntilStopped(AppConfig config, String extra) throws InterruptedException {
    long started = System.nanoTime();
    App app = new App(config).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "hatrack-shutdown"));
    System.out.printf(
        "Hatrack %s is running at %s (started in %d ms, database: %s)%n",
        Version.current(),
        app.url(),
        (System.nanoTime() - started) / 1_000_000,
        app.database().dialect().name().toLowerCase(java.util.Locale.ROOT));
    if (extra != null) {
      System.out.println(extra);
    }
    System.out.println("Press Ctrl-C to stop.");
    System.out.flush();
    stopped.await();
  }
}
