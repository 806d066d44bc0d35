package io.hatrack.discovery.feedback;

import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Feedback that arrives without a signed-in member: from the command line, in the name of the
 * workspace's first owner, and from free-text survey answers, in the response's transaction. Both
 * end in {@link FeedbackService#create(Handle, User, ProductAccess, FeedbackDraft)}.
 */
public final class FeedbackIntake {
  private final Database db;
  private final FeedbackService feedback;
  private final ProductService products;
  private final CustomerService customers;
  private final WorkspaceService workspaces;
  private final Clock clock;

  public FeedbackIntake(
      Database db,
      FeedbackService feedback,
      ProductService products,
      CustomerService customers,
      WorkspaceService workspaces,
      Clock clock) {
    this.db = db;
    this.feedback = feedback;
    this.products = products;
    this.customers = customers;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  // ---- From the command line --------------------------------------------------------------------

  /**
   * Adds feedback without an access check, in the name of the first owner of the product's
   * workspace: for the CLI, which is run by whoever administers the installation. {@code
   * productRef} is a product's key ({@code CHK}) or slug; {@code customerRef} (optional) a
   * customer's external id or name.
   */
  public Feedback createAsAdministrator(
      String productRef, String customerRef, FeedbackDraft draft) {
    return db.tx(
        h -> {
          Administrator admin = asAdministrator(h, productRef);
          io.hatrack.kernel.work.Product p = admin.product().product();
          User owner = admin.owner();
          ProductAccess access = admin.product();
          FeedbackDraft d = draft;
          if (customerRef != null && !customerRef.isBlank()) {
            Customer c =
                customers
                    .findByExternalIdOrName(h, p.workspaceId(), customerRef)
                    .orElseThrow(
                        () ->
                            Invalid.field(
                                "customer",
                                "no customer with the external id or name "
                                    + customerRef.strip()
                                    + " (or several with that name)"));
            d = draft.withCustomer(c.id(), null);
          }
          return feedback.create(h, owner, access, d);
        });
  }

  /**
   * A product by key ({@code CHK}) or slug as the first owner of its workspace sees it, without an
   * access check: for the command line, run by whoever administers the installation.
   */
  public Administrator asAdministrator(String productRef) {
    return db.read(h -> asAdministrator(h, productRef));
  }

  /** The first owner of a product's workspace, and the product as they see it. */
  public record Administrator(User owner, ProductAccess product) {}

  private Administrator asAdministrator(Handle h, String productRef) {
    List<io.hatrack.kernel.work.Product> found = products.findAsAdministrator(h, productRef);
    if (found.isEmpty()) {
      throw Invalid.field("product", "no product with the key or slug " + productRef);
    }
    if (found.size() > 1) {
      throw Invalid.field(
          "product", "several products have the key " + productRef + "; use the slug");
    }
    io.hatrack.kernel.work.Product p = found.get(0);
    User owner =
        customers
            .firstOwner(h, p.workspaceId())
            .flatMap(id -> workspaces.memberById(h, p.workspaceId(), id))
            .orElseThrow(() -> new NotFound("owner of the product's workspace"));
    return new Administrator(owner, products.access(h, owner, Long.toString(p.id())));
  }

  // ---- From surveys -----------------------------------------------------------------------------

  /**
   * A free-text survey answer as feedback with source survey, inside the transaction that saves the
   * response. It is entered in the name of the member who entered the response, else the survey's
   * author (or last editor, or the workspace's first owner) while they may edit the product. Its
   * external id names the response and question, so one answer is one piece of feedback.
   *
   * @param authors who may have entered it, in order of preference (nulls are skipped)
   */
  public java.util.Optional<Feedback> fromSurvey(
      Handle h,
      long workspaceId,
      long productId,
      List<Long> authors,
      String text,
      long responseId,
      long questionId,
      Instant at) {
    List<Long> candidates = new ArrayList<>(authors);
    customers.firstOwner(h, workspaceId).ifPresent(candidates::add);
    for (Long id : candidates) {
      if (id == null) {
        continue;
      }
      java.util.Optional<User> u = workspaces.memberById(h, workspaceId, id);
      if (u.isEmpty()) {
        continue;
      }
      ProductAccess p = products.access(h, u.get(), Long.toString(productId));
      if (!p.role().atLeast(Role.EDITOR)) {
        continue;
      }
      String clean = text.strip();
      clean =
          clean.length() > FeedbackService.MAX_TEXT
              ? clean.substring(0, FeedbackService.MAX_TEXT)
              : clean;
      Instant now = clock.instant();
      return java.util.Optional.of(
          feedback.create(
              h,
              u.get(),
              p,
              FeedbackDraft.of(clean, FeedbackSource.SURVEY.id())
                  .withHappenedAt(at.isAfter(now) ? now : at)
                  .withExternalId("survey-response-" + responseId + "-" + questionId)));
    }
    return java.util.Optional.empty();
  }
}
