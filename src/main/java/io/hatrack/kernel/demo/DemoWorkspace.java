package io.hatrack.kernel.demo;

import io.hatrack.kernel.auth.AccountService;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.kernel.work.WorkspaceService;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates the demo company, its people and its two products: the start of the demo story. */
public final class DemoWorkspace {
  private final Database db;
  private final AccountService accounts;
  private final WorkspaceService workspaces;
  private final ProductService products;

  public DemoWorkspace(
      Database db, AccountService accounts, WorkspaceService workspaces, ProductService products) {
    this.db = db;
    this.accounts = accounts;
    this.workspaces = workspaces;
    this.products = products;
  }

  private record Person(String handle, String name, Role role) {}

  public DemoStory create(DemoClock clock) {
    clock.set(java.time.Duration.ofDays(45));
    Person[] cast = {
      new Person("ana", "Ana Lima", Role.OWNER),
      new Person("ben", "Ben Okafor", Role.EDITOR),
      new Person("chloe", "Chloe Martin", Role.EDITOR),
      new Person("dev", "Dev Patel", Role.COMMENTER),
      new Person("eva", "Eva Novak", Role.COMMENTER),
      new Person("femi", "Femi Adeyemi", Role.ADMIN)
    };
    Map<String, User> people = new LinkedHashMap<>();
    for (Person p : cast) {
      people.put(
          p.handle(),
          accounts.create(p.handle() + "@northwind.example", p.name(), DemoStory.PASSWORD));
    }
    User ana = people.get("ana");
    Workspace ws = workspaces.create(ana, "Northwind Labs", "northwind");
    db.txVoid(
        h -> {
          for (Person p : cast) {
            if (p.role() != Role.OWNER) {
              workspaces.addMemberAsAdministrator(h, ws.id(), people.get(p.handle()), p.role());
            }
          }
        });
    clock.tick(java.time.Duration.ofHours(1));
    Product checkout =
        products.create(
            ana,
            ws.slug(),
            new ProductService.ProductInput(
                "Checkout",
                "checkout",
                "CHK",
                "The hosted checkout and payment page that merchants embed: cards, wallets and"
                    + " bank transfers, with 3-D Secure and saved cards."));
    Product mobile =
        products.create(
            ana,
            ws.slug(),
            new ProductService.ProductInput(
                "Mobile",
                "mobile",
                "MOB",
                "The Northwind merchant app for iOS and Android: payouts, refunds and"
                    + " notifications on the go."));
    return new DemoStory(ws, people, checkout, mobile, clock);
  }
}
