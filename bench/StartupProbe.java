import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.auth.PasswordHasher;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Where Hatrack's start-up time goes: the process's CPU time and the wall time at each step of
 * what {@code hatrack serve} does, in a cold JVM. CPU time is the figure to compare on a busy
 * machine; wall time is what a user waits for.
 *
 * <p>Run it compiled, so that compiling it does not count:
 * <pre>
 * javac -cp target/hatrack.jar -d /tmp/probe bench/StartupProbe.java
 * java -Xms64m -Xmx256m -XX:+UseSerialGC -cp target/hatrack.jar:/tmp/probe StartupProbe DATA-DIR [--detail]
 * </pre>
 */
public final class StartupProbe {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static long lastCpu;
  private static long lastWall;

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: StartupProbe DATA-DIR [--detail]");
      System.exit(2);
    }
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    lastWall = jvmStart;
    lastCpu = 0;
    step("JVM start to main()");
    PasswordHasher hasher = PasswordHasher.DEFAULT;
    step("PasswordHasher.DEFAULT (hashes a dummy password with Argon2id)");
    if (args.length > 1 && args[1].equals("--detail")) {
      // The expensive parts of new App(config), one by one; App then reuses the loaded classes.
      String url = AppConfig.defaultDatabaseUrl(Path.of(args[0]));
      io.hatrack.kernel.db.Database.openWithoutMigrating(url, 8).close();
      step("  Database.openWithoutMigrating: SQLite driver, Hikari pools");
      io.hatrack.kernel.db.Database.open(url, 8).close();
      step("  Database.open again: + Flyway (scan, validate, migrate)");
      io.hatrack.kernel.web.Json.mapper();
      step("  Json.mapper (Jackson)");
      new io.hatrack.kernel.web.Metrics().close();
      step("  Metrics (Micrometer, Prometheus)");
      new io.hatrack.kernel.web.Markdown();
      step("  Markdown (CommonMark, jsoup)");
      new io.hatrack.kernel.web.Views();
      step("  Views (precompiled jte)");
      io.hatrack.kernel.web.Assets.standard("2.0.8");
      step("  Assets");
    }
    AppConfig config =
        new AppConfig(Path.of(args[0]), null, "127.0.0.1", 0, null, 8, hasher, java.time.Clock.systemUTC());
    App app = new App(config);
    step("new App(config): database, Flyway, services, Javalin routes");
    app.start();
    step("App.start(): Jetty listening");
    System.out.printf(
        "total: %d ms CPU, %d ms wall since the JVM started%n",
        OS.getProcessCpuTime() / 1_000_000, System.currentTimeMillis() - jvmStart);
    app.close();
    System.exit(0);
  }

  private static void step(String what) {
    long cpu = OS.getProcessCpuTime();
    long wall = System.currentTimeMillis();
    System.out.printf(
        "%-66s %6d ms CPU %6d ms wall%n", what, (cpu - lastCpu) / 1_000_000, wall - lastWall);
    lastCpu = cpu;
    lastWall = wall;
  }
}
