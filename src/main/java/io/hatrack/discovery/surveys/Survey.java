package io.hatrack.discovery.surveys;

import io.hatrack.kernel.work.Item;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A survey: its questions in order, whether it takes answers, whether anyone with its public
 * address may answer ({@code openLink}) and whether it keeps respondents anonymous. Its identity,
 * key, title and version are the shared {@link Item}'s.
 *
 * @param publicCode the random part of its public address {@code /p/{product}/s/{publicCode}}
 * @param responses how many responses it has
 */
public record Survey(
    Item item,
    String productSlug,
    String description,
    SurveyStatus status,
    boolean anonymous,
    boolean openLink,
    String publicCode,
    List<Question> questions,
    long responses) {
  public Survey {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(status, "status");
    description = description == null ? "" : description;
    questions = List.copyOf(questions);
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  public String title() {
    return item.title();
  }

  public long version() {
    return item.version();
  }

  /** The public address of the survey (without a personal token). */
  public String publicPath() {
    return path(productSlug, publicCode);
  }

  /** The public address of a survey. */
  public static String path(String productSlug, String publicCode) {
    return "/p/" + productSlug + "/s/" + publicCode;
  }

  public Optional<Question> question(long id) {
    return questions.stream().filter(q -> q.id() == id).findFirst();
  }
}
