package io.hatrack.testing;

import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService.ProductInput;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.pages.Page;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small factories for the people, workspaces, products and pages tests need. Every e-mail address,
 * slug and title is unique within the test run, so tests sharing a database never meet.
 */
public final class Fixtures {
  /** The password of every person made here. */
  public static final String PASSWORD = "correct horse battery staple";

  private static final AtomicLong NEXT = new AtomicLong();

  private Fixtures() {}

  /** A number not handed out before in this test run. */
  public static long unique() {
    return NEXT.incrementAndGet();
  }

  /** An e-mail address not used before, e.g. {@code ana.17@example.test}. */
  public static String email(String name) {
    return name.toLowerCase(Locale.ROOT) + "." + unique() + "@example.test";
  }

  /** A person called {@code name} (handle {@code name}, or {@code name2}, ... when taken). */
  public static User user(TestApp app, String name) {
    return app.accounts().create(email(name), capitalized(name), PASSWORD);
  }

  /** A new workspace owned by {@code owner}. */
  public static Workspace workspace(TestApp app, User owner) {
    return app.workspaces().create(owner, "Team " + unique(), null);
  }

  /** A new person who joins {@code workspace} with {@code role}, added by {@code admin}. */
  public static User member(TestApp app, Workspace workspace, User admin, Role role, String name) {
    User user = user(app, name);
    app.workspaces().addMember(admin, workspace.slug(), user.email(), role);
    return user;
  }

  /** A new product with the key {@code CHK} in {@code workspace}. */
  public static Product product(TestApp app, User admin, Workspace workspace) {
    return product(app, admin, workspace, "CHK");
  }

  /** A new product with {@code key} in {@code workspace}. */
  public static Product product(TestApp app, User admin, Workspace workspace, String key) {
    long n = unique();
    return app.products()
        .create(
            admin,
            workspace.slug(),
            new ProductInput("Product " + n, "product-" + n, key, "Made by a test."));
  }

  /** A new page in {@code product}, written by {@code editor}. */
  public static Page page(TestApp app, User editor, Product product) {
    return app.pages().create(editor, product.slug(), "Page " + unique(), "Some notes.");
  }

  /** An owner with a workspace and a product {@code CHK} in it: where most tests start. */
  public static Team team(TestApp app) {
    User owner = user(app, "olivia");
    Workspace workspace = workspace(app, owner);
    return new Team(owner, workspace, product(app, owner, workspace));
  }

  /** An owner, the owner's workspace, and a product in it. */
  public record Team(User owner, Workspace workspace, Product product) {
    /** A new member of this team's workspace with {@code role}. */
    public User member(TestApp app, Role role, String name) {
      return Fixtures.member(app, workspace, owner, role, name);
    }
  }

  private static String capitalized(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
