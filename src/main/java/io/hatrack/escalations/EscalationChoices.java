package io.hatrack.escalations;

import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerFilter;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.WorkspaceService;
import java.util.List;

/** What the escalation forms offer to choose from: the workspace's customers and members. */
public final class EscalationChoices {
  private static final int MAX_CUSTOMERS = 500;

  private final CustomerService customers;
  private final WorkspaceService workspaces;

  public EscalationChoices(CustomerService customers, WorkspaceService workspaces) {
    this.customers = customers;
    this.workspaces = workspaces;
  }

  /** The choices of a form. */
  public record Choices(List<Customer> customers, List<Member> members) {}

  public Choices of(User user, ProductAccess product) {
    String ws = product.workspace().workspace().slug();
    return new Choices(
        customers.list(user, ws, CustomerFilter.ALL, null, MAX_CUSTOMERS).slice().items(),
        workspaces.members(product.workspace()));
  }
}
