package io.hatrack.kernel.demo;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import java.time.Duration;
import java.util.Map;

/**
 * The demo company every hat continues: Northwind Labs, a B2B payments company, with the products
 * Checkout (CHK) and Mobile (MOB) and six people. Ana, the PM, is the demo login.
 */
public record DemoStory(
    Workspace workspace,
    Map<String, User> people,
    Product checkout,
    Product mobile,
    DemoClock clock) {

  /** The demo login. */
  public static final String LOGIN_EMAIL = "ana@northwind.example";

  /** The password of every demo person. */
  public static final String PASSWORD = "hatrack-demo";

  public User ana() {
    return person("ana");
  }

  public User ben() {
    return person("ben");
  }

  public User chloe() {
    return person("chloe");
  }

  public User dev() {
    return person("dev");
  }

  public User eva() {
    return person("eva");
  }

  public User femi() {
    return person("femi");
  }

  public User person(String handle) {
    User user = people.get(handle);
    if (user == null) {
      throw new IllegalArgumentException("no demo person @" + handle);
    }
    return user;
  }

  /** Sets the clock to {@code days} days (and {@code hours} hours) before now. */
  public void at(int days, int hours) {
    clock.set(Duration.ofDays(days).plusHours(hours));
  }

  /** Moves the clock forward by some minutes. */
  public void later(int minutes) {
    clock.tick(Duration.ofMinutes(minutes));
  }
}
