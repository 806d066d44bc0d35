package io.hatrack.discovery.feedback;

import io.hatrack.discovery.customers.Money;
import io.hatrack.kernel.work.Item;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** The JSON shapes of feedback and demand in the API. */
public final class FeedbackJson {
  private FeedbackJson() {}

  /** A piece of feedback; {@code summary} is its title, {@code url} its page. */
  public record FeedbackItemJson(
      long id,
      String key,
      String kind,
      String summary,
      String text,
      String source,
      String status,
      Long customerId,
      String customerName,
      Long contactId,
      String contactName,
      Instant happenedAt,
      Integer importance,
      String importanceLabel,
      String externalId,
      Double sentiment,
      Long themeId,
      String themeName,
      Long duplicateOf,
      List<String> tags,
      List<Long> duplicates,
      long version,
      long productId,
      long createdBy,
      Instant createdAt,
      Instant updatedAt,
      String url) {
    static FeedbackItemJson of(Feedback f, List<String> tags, List<Long> duplicates) {
      Item i = f.item();
      return new FeedbackItemJson(
          i.id(),
          i.key(),
          FeedbackService.KIND,
          i.title(),
          f.text(),
          f.source().id(),
          f.status().id(),
          f.customerId(),
          f.customerName(),
          f.contactId(),
          f.contactName(),
          f.happenedAt(),
          f.importance(),
          f.importance() == null ? null : f.importanceLabel(),
          f.externalId(),
          f.sentiment(),
          f.themeId(),
          f.themeName(),
          f.duplicateOf(),
          tags,
          duplicates,
          i.version(),
          f.productId(),
          i.createdBy(),
          i.createdAt(),
          i.updatedAt(),
          "/i/" + i.key());
    }
  }

  /**
   * Adding or changing feedback. {@code happened_at} is a date ({@code 2025-03-31}) or an ISO
   * instant; {@code summary} defaults to the first line of the text; {@code importance} is 0 to 3.
   */
  public record FeedbackInput(
      String text,
      String summary,
      String source,
      Long customerId,
      Long contactId,
      String happenedAt,
      Integer importance,
      String externalId,
      String status,
      List<String> tags) {}

  /** Linking feedback to the work item it supports, by id or key ({@code CHK-12}). */
  public record LinkInput(String target) {}

  /** The feedback to merge into this one, by id or key. */
  public record MergeInput(List<String> ids) {}

  /** Revenue in the workspace's currency: exact decimal text and minor units. */
  public record MoneyJson(String amount, long minor, String currency, String display) {
    static MoneyJson of(long minor, String currency) {
      Currency c = Currency.getInstance(currency);
      return new MoneyJson(
          Money.plain(minor, Money.digits(c)), minor, currency, Money.display(minor, c));
    }
  }

  /** Feedback given in one month ({@code 2025-03}). */
  public record MonthJson(String month, long count) {}

  /**
   * How many customers' latest importance is 0, 1, 2 and 3 ({@code distribution}), and the mean.
   */
  public record ImportanceJson(List<Long> distribution, long customers, Double mean) {}

  /** The demand for a work item from the feedback that supports it. */
  public record DemandJson(
      long itemId,
      long feedback,
      long customers,
      MoneyJson revenue,
      long customersWithoutRevenue,
      ImportanceJson importance,
      List<MonthJson> trend) {
    static DemandJson of(Demand d) {
      return new DemandJson(
          d.itemId(),
          d.feedback(),
          d.customers(),
          MoneyJson.of(d.revenueMinor(), d.currency()),
          d.customersWithoutRevenue(),
          new ImportanceJson(d.importance(), d.rated(), d.importanceMean()),
          d.trend().stream().map(m -> new MonthJson(m.month().toString(), m.count())).toList());
    }
  }
}
