package io.hatrack.escalations;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the escalations dashboard shows: a product's open escalations by severity with their SLA
 * clocks, those breaching soon and breached, and the metrics over a period (workspace-wide and per
 * product) of the escalations opened in it.
 */
public final class EscalationDashboard {
  /** The longest period metrics cover. */
  public static final int MAX_DAYS = 3_660;

  private final Database db;
  private final EscalationStore store;
  private final EscalationService escalations;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final Clock clock;

  public EscalationDashboard(
      Database db,
      EscalationStore store,
      EscalationService escalations,
      ProductService products,
      WorkspaceService workspaces,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.escalations = escalations;
    this.products = products;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  /** A period of days, {@code from} to {@code to} inclusive (UTC days). */
  public record Period(LocalDate from, LocalDate to) {
    public Instant start() {
      return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
      return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  /** Metrics over a period: of the whole workspace and of each product with escalations. */
  public record Metrics(
      WorkspaceAccess ws,
      Period period,
      Product product,
      EscalationMetrics overall,
      Map<Product, EscalationMetrics> byProduct) {}

  /** The period as typed: ISO dates, by default the last 30 days up to today. */
  public Period period(String from, String to) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate end = to == null || to.isBlank() ? today : date("to", to);
    LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : date("from", from);
    if (start.isAfter(end)) {
      throw Invalid.field("to", "must not be before from (" + start + ")");
    }
    if (start.plusDays(MAX_DAYS).isBefore(end)) {
      throw Invalid.field("from", "the period may span at most " + MAX_DAYS + " days");
    }
    return new Period(start, end);
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Invalid.field(field, "must be a date such as 2026-11-01");
    }
  }

  /**
   * The metrics of the escalations opened in the period in the workspace, or in one product of it
   * when {@code productRef} is given.
   */
  public Metrics metrics(User actor, String workspaceRef, String productRef, Period period) {
    return db.tx(
        h -> {
          WorkspaceAccess ws = workspaces.access(h, actor, new Ref(workspaceRef));
          Product only = null;
          if (productRef != null && !productRef.isBlank()) {
            ProductAccess pa;
            try {
              pa = products.access(h, actor, productRef.strip());
            } catch (io.hatrack.kernel.NotFound e) {
              throw Invalid.field("product", "is not a product of the workspace");
            }
            if (pa.workspace().id() != ws.id()) {
              throw Invalid.field("product", "is not a product of the workspace");
            }
            only = pa.product();
          }
          List<Escalation> rows =
              store.openedBetween(
                  h, ws.id(), only == null ? null : only.id(), period.start(), period.end());
          List<EscalationService.Sla> all = escalations.withClocks(h, ws.id(), rows);
          Map<Long, List<SlaEvaluation.State>> perProduct = new LinkedHashMap<>();
          for (EscalationService.Sla s : all) {
            perProduct
                .computeIfAbsent(s.escalation().productId(), k -> new ArrayList<>())
                .add(s.state());
          }
          Map<Product, EscalationMetrics> byProduct = new LinkedHashMap<>();
          for (Product pr : products.list(ws)) {
            if (perProduct.containsKey(pr.id())) {
              byProduct.put(pr, EscalationMetrics.of(perProduct.get(pr.id())));
            }
          }
          return new Metrics(
              ws,
              period,
              only,
              EscalationMetrics.of(all.stream().map(EscalationService.Sla::state).toList()),
              byProduct);
        });
  }

  /** A product's dashboard: its open escalations and how their clocks stand. */
  public record Board(
      EscalationService.Listing open,
      Map<Severity, List<EscalationService.Sla>> bySeverity,
      List<EscalationService.Sla> breachingSoon,
      List<EscalationService.Sla> breached,
      List<EscalationService.Sla> recent) {}

  public Board board(User actor, String productRef) {
    EscalationService.Listing open =
        escalations.list(
            actor,
            productRef,
            new EscalationFilter("open", null, null, null),
            EscalationService.MAX_LIST);
    EscalationService.Listing closed =
        escalations.list(actor, productRef, new EscalationFilter("done", null, null, null), 10);
    Map<Severity, List<EscalationService.Sla>> bySeverity = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      bySeverity.put(s, new ArrayList<>());
    }
    List<EscalationService.Sla> soon = new ArrayList<>();
    List<EscalationService.Sla> breached = new ArrayList<>();
    for (EscalationService.Sla s : open.escalations()) {
      bySeverity.get(s.escalation().severity()).add(s);
      SlaStatus overall = s.state().overall();
      if (overall == SlaStatus.BREACHED) {
        breached.add(s);
      } else if (overall == SlaStatus.BREACHING_SOON) {
        soon.add(s);
      }
    }
    return new Board(open, bySeverity, soon, breached, closed.escalations());
  }

  /**
   * A duration of business time as the metrics show it (in hours, since policies differ in what a
   * day is), or a dash when there is none.
   */
  public static String format(Duration d) {
    return d == null ? "\u2013" : SlaPolicy.workingTime(d);
  }
}
