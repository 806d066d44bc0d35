package io.hatrack.definition.wireframes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sourceforge.plantuml.BlockUml;
import net.sourceforge.plantuml.ErrorUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.core.ImageData;
import net.sourceforge.plantuml.error.PSystemError;
import net.sourceforge.plantuml.salt.PSystemSalt;

/**
 * Draws PlantUML Salt wireframes as SVG. PlantUML runs in its sandbox security profile (no files,
 * no network, no environment), on sources that {@link SaltSource} has checked, on a worker thread
 * that is given up after a time limit, with at most a few drawings at once so that a burst of
 * previews cannot take every CPU. A source that PlantUML cannot draw is reported with its line and
 * the reason, never as PlantUML's own error picture.
 */
public final class SaltRenderer implements AutoCloseable {
  /** How long one drawing may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Drawings that may run at the same time. */
  private static final int CONCURRENT = 2;

  /**
   * The time the very first drawing may take: PlantUML loads some thousand classes then, which on a
   * busy machine takes longer than any later drawing may.
   */
  private static final Duration FIRST_TIMEOUT = Duration.ofSeconds(60);

  /**
   * PlantUML's own logger prints the stack trace of every wireframe its Salt parser crashes on;
   * Hatrack reports those as syntax errors instead. Kept here so that the setting is not collected.
   */
  private static final Logger PLANTUML_LOG;

  static {
    // Read once, when PlantUML first loads its security settings: set before any PlantUML class.
    System.setProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
    PLANTUML_LOG = Logger.getLogger("com.plantuml");
    PLANTUML_LOG.setLevel(Level.OFF);
  }

  private final Duration timeout;
  private final ExecutorService workers;
  private final Semaphore slots = new Semaphore(CONCURRENT);
  private final AtomicBoolean warm = new AtomicBoolean();

  /**
   * The result of one drawing: the sanitised SVG with its size in pixels, or the problem with its
   * line (and no SVG).
   */
  public record Rendering(byte[] svg, int width, int height, SaltSource.Problem problem) {
    static Rendering drawn(SvgSanitizer.Sanitized svg) {
      return new Rendering(
          svg.svg(),
          svg.width() == null ? 0 : svg.width(),
          svg.height() == null ? 0 : svg.height(),
          null);
    }

    static Rendering refused(SaltSource.Problem problem) {
      return new Rendering(null, 0, 0, problem);
    }

    public boolean ok() {
      return problem == null;
    }
  }

  public SaltRenderer() {
    this(DEFAULT_TIMEOUT);
  }

  public SaltRenderer(Duration timeout) {
    this.timeout = timeout;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "salt-renderer-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.workers = Executors.newCachedThreadPool(threads);
  }

  /** Draws {@code source}, or says on which line and why it cannot be drawn. */
  public Rendering render(String source) {
    SaltSource.Result checked = SaltSource.of(source);
    if (checked.refused()) {
      return Rendering.refused(checked.problem());
    }
    SaltSource salt = checked.source();
    Optional<SaltSource.Problem> structure = salt.structureProblem();
    if (structure.isPresent()) {
      return Rendering.refused(structure.get());
    }
    Duration limit = warm.get() ? timeout : max(timeout, FIRST_TIMEOUT);
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      if (!slots.tryAcquire(limit.toNanos(), TimeUnit.NANOSECONDS)) {
        return Rendering.refused(tooSlow(salt));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Rendering.refused(tooSlow(salt));
    }
    Future<Rendering> drawing;
    try {
      drawing =
          workers.submit(
              () -> {
                try {
                  return draw(salt);
                } finally {
                  slots.release();
                }
              });
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    try {
      Rendering drawn =
          drawing.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      warm.set(true);
      return drawn;
    } catch (TimeoutException e) {
      drawing.cancel(true);
      return Rendering.refused(tooSlow(salt));
    } catch (InterruptedException e) {
      drawing.cancel(true);
      Thread.currentThread().interrupt();
      return Rendering.refused(tooSlow(salt));
    } catch (ExecutionException e) {
      return Rendering.refused(
          new SaltSource.Problem(1, "PlantUML could not draw it: " + describe(e.getCause())));
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private SaltSource.Problem tooSlow(SaltSource salt) {
    return new SaltSource.Problem(
        1,
        "drawing the wireframe took longer than "
            + timeout.toMillis()
            + " ms; make it smaller or split it in two");
  }

  private static Rendering draw(SaltSource salt) throws IOException {
    SourceStringReader reader = new SourceStringReader(salt.text());
    List<BlockUml> blocks = reader.getBlocks();
    if (blocks.size() != 1) {
      return Rendering.refused(
          new SaltSource.Problem(
              1, "the source holds " + blocks.size() + " diagrams; a wireframe is exactly one"));
    }
    Diagram diagram = blocks.get(0).getDiagram();
    if (diagram instanceof PSystemError error) {
      ErrorUml first = error.getFirstError();
      int position = first == null ? 0 : first.getPosition();
      String message = first == null ? "PlantUML cannot read it" : first.getError();
      return Rendering.refused(new SaltSource.Problem(salt.personLine(position), message));
    }
    if (!(diagram instanceof PSystemSalt)) {
      return Rendering.refused(
          new SaltSource.Problem(
              1,
              "this is a "
                  + diagram.getDescription().getDescription()
                  + " diagram, not a Salt wireframe"));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageData image = diagram.exportDiagram(out, 0, new FileFormatOption(FileFormat.SVG));
    if (image.getRootCause() != null || image.getStatus() >= 400) {
      // PlantUML drew its crash report instead of the wireframe: never show that as the picture.
      return Rendering.refused(
          new SaltSource.Problem(
              firstBlockLine(salt),
              "Salt could not read this block: "
                  + (image.getRootCause() == null
                      ? "check its braces and separators"
                      : describe(image.getRootCause()))));
    }
    return Rendering.drawn(SvgSanitizer.sanitize(out.toByteArray()));
  }

  private static int firstBlockLine(SaltSource salt) {
    List<String> lines = salt.text().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith("{")) {
        return salt.personLine(i);
      }
    }
    return 1;
  }

  private static String describe(Throwable t) {
    if (t == null) {
      return "unknown error";
    }
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
