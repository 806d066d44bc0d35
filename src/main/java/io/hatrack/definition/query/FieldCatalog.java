package io.hatrack.definition.query;

import io.hatrack.kernel.Invalid;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A product's custom fields as the query language needs them: the key people type ({@code risk},
 * {@code customer_value}), how values are stored, and the options of select fields. The production
 * catalog is {@link FieldCatalogStore}, over the {@code custom_field} table.
 */
public interface FieldCatalog {
  /** The fields of a product, in display order. */
  List<CustomField> fields(Handle h, long productId);

  /** The field with this key (case-blind), if the product has one. */
  default Optional<CustomField> field(Handle h, long productId, String key) {
    String wanted = key.toLowerCase(Locale.ROOT);
    return fields(h, productId).stream()
        .filter(f -> f.key().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** A catalog for products without custom fields. */
  FieldCatalog NONE = (h, productId) -> List.of();

  /**
   * The kinds of custom field. Where each keeps its value in {@code custom_value}: numbers,
   * checkboxes (1 or 0) and formulas in {@code number_value}; people in {@code user_value}; dates
   * (ISO {@code 2027-03-01}), text, URLs and select options in {@code text_value}, a multi-select
   * as {@code |a|b|}.
   */
  enum Type {
    TEXT,
    NUMBER,
    SELECT,
    MULTI_SELECT,
    DATE,
    PERSON,
    URL,
    CHECKBOX,
    FORMULA;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The type stored as {@code id}, e.g. {@code multi_select}. */
    public static Type parse(String id) {
      for (Type t : values()) {
        if (t.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
          return t;
        }
      }
      throw Invalid.field("type", "unknown custom field type \"" + id + "\"");
    }

    /** True for the types whose values are numbers. */
    public boolean numeric() {
      return this == NUMBER || this == FORMULA;
    }
  }

  /** One custom field of a product. */
  record CustomField(long id, String key, String name, Type type, List<String> options) {
    public CustomField {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      options = List.copyOf(options);
    }
  }
}
