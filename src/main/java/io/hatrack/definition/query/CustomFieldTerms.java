package io.hatrack.definition.query;

import io.hatrack.definition.query.FieldCatalog.CustomField;
import io.hatrack.definition.query.ParsedQuery.Filter;
import io.hatrack.definition.query.ParsedQuery.Op;
import io.hatrack.definition.query.ParsedQuery.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of custom-field terms: a field's value lives in a {@code custom_value} row (item, field),
 * so each term is an EXISTS over that row, or NOT EXISTS for {@code none} and unchecked boxes.
 */
final class CustomFieldTerms extends TermSql {
  CustomFieldTerms(QueryContext ctx, Map<String, Object> params) {
    super(ctx, params);
  }

  Optional<CustomField> customField(String key) {
    return ctx.fields().stream().filter(c -> lower(c.key()).equals(key)).findFirst();
  }

  /** The start of a sub-select of the field's value row for the item {@code e}. */
  String valueOf(CustomField field) {
    return "SELECT 1 FROM custom_value cv WHERE cv.item_id = w.id AND cv.field_id = "
        + bind(field.id());
  }

  static String hasValue(CustomField field) {
    return switch (field.type()) {
      case NUMBER, FORMULA -> "cv.number_value IS NOT NULL";
      case CHECKBOX -> "cv.number_value = 1";
      case PERSON -> "cv.user_value IS NOT NULL";
      default -> "cv.text_value IS NOT NULL AND cv.text_value <> '' AND cv.text_value <> '||'";
    };
  }

  String custom(Filter f) {
    String key = lower(f.field());
    CustomField field =
        customField(key)
            .orElseThrow(
                () -> {
                  List<String> names = new ArrayList<>(QueryCompiler.FIELDS);
                  ctx.fields().forEach(c -> names.add(c.key()));
                  String hint = Suggestions.didYouMean(key, names, "");
                  return QueryFailure.at(
                      f.fieldSpan(),
                      "unknown field \""
                          + f.field()
                          + "\""
                          + (hint.isEmpty()
                              ? " (to find the text in titles, put it in quotes)"
                              : hint));
                });
    boolean ordered =
        field.type() == FieldCatalog.Type.NUMBER
            || field.type() == FieldCatalog.Type.FORMULA
            || field.type() == FieldCatalog.Type.DATE;
    if (f.op().ordering() && !ordered) {
      throw QueryFailure.at(
          f.opSpan(),
          "\""
              + f.op().symbol()
              + "\" compares numbers and dates; "
              + field.key()
              + " is a "
              + field.type().id().replace('_', ' ')
              + " field, so write "
              + field.key()
              + ":"
              + f.values().get(0).text());
    }
    List<String> present = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (Value v : f.values()) {
      String text = v.text().trim();
      if (!v.quoted() && lower(text).equals("none") && !f.op().ordering()) {
        absent.add(hasValue(field));
        continue;
      }
      switch (field.type()) {
        case NUMBER, FORMULA -> {
          Optional<Bounds> r = range(f, v);
          if (r.isPresent()) {
            present.add(
                "(cv.number_value IS NOT NULL AND cv.number_value >= "
                    + bind(numberValue(f, r.get().low()))
                    + " AND cv.number_value <= "
                    + bind(numberValue(f, r.get().high()))
                    + ")");
          } else {
            present.add(
                "(cv.number_value IS NOT NULL AND "
                    + compare("cv.number_value", f.op(), numberValue(f, v))
                    + ")");
          }
        }
        case CHECKBOX -> {
          switch (lower(text)) {
            case "true", "yes", "1" -> present.add("cv.number_value = 1");
            case "false", "no", "0" -> absent.add("cv.number_value = 1");
            default ->
                throw QueryFailure.at(
                    v.span(), "\"" + v.text() + "\" is not true or false for " + field.key());
          }
        }
        case DATE -> present.add(dateText(f, v));
        case SELECT -> present.add("cv.text_value = " + bind(option(field, v)));
        case MULTI_SELECT ->
            present.add(
                "cv.text_value LIKE "
                    + bind("%|" + likeEscape(option(field, v)) + "|%")
                    + " ESCAPE '!'");
        case PERSON -> present.add("cv.user_value = " + bind(person(v)));
        case TEXT, URL ->
            present.add(
                "LOWER(cv.text_value) LIKE "
                    + bind("%" + likeEscape(lower(text)) + "%")
                    + " ESCAPE '!'");
      }
    }
    List<String> parts = new ArrayList<>();
    if (!present.isEmpty()) {
      parts.add("EXISTS (" + valueOf(field) + " AND (" + String.join(" OR ", present) + "))");
    }
    if (!absent.isEmpty()) {
      parts.add("NOT EXISTS (" + valueOf(field) + " AND (" + String.join(" OR ", absent) + "))");
    }
    return any(parts);
  }

  static String option(CustomField field, Value v) {
    String text = v.text().trim();
    return field.options().stream()
        .filter(o -> o.equalsIgnoreCase(text))
        .findFirst()
        .orElseThrow(
            () ->
                QueryFailure.at(
                    v.span(),
                    "\""
                        + v.text()
                        + "\" is not an option of "
                        + field.key()
                        + Suggestions.didYouMean(text, field.options(), "")
                        + "; options are "
                        + String.join(", ", field.options())));
  }

  /** A custom date (ISO text) against days: ISO dates compare correctly as text. */
  String dateText(Filter f, Value v) {
    Optional<Bounds> r = range(f, v);
    if (r.isPresent()) {
      return "(cv.text_value >= "
          + bind(day(when(f, r.get().low())).toString())
          + " AND cv.text_value <= "
          + bind(day(when(f, r.get().high())).toString())
          + ")";
    }
    String operator = f.op() == Op.IS ? "=" : f.op().symbol();
    return "(cv.text_value IS NOT NULL AND cv.text_value <> '' AND cv.text_value "
        + operator
        + " "
        + bind(day(when(f, v)).toString())
        + ")";
  }

  String customSort(CustomField c, boolean descending) {
    String from = " FROM custom_value cv WHERE cv.item_id = w.id AND cv.field_id = " + bind(c.id());
    String value =
        switch (c.type()) {
          case NUMBER, FORMULA, CHECKBOX -> "(SELECT cv.number_value" + from + ")";
          case PERSON ->
              "(SELECT u.name FROM app_user u WHERE u.id = (SELECT cv.user_value" + from + "))";
          case SELECT -> {
            if (c.options().isEmpty()) {
              yield "(SELECT cv.text_value" + from + ")";
            }
            StringBuilder rank = new StringBuilder("(SELECT CASE cv.text_value");
            for (int i = 0; i < c.options().size(); i++) {
              rank.append(" WHEN ").append(bind(c.options().get(i))).append(" THEN ").append(i);
            }
            yield rank.append(" END").append(from).append(")").toString();
          }
          default -> "(SELECT NULLIF(cv.text_value, '')" + from + ")";
        };
    return nullsLast(value, descending);
  }
}
