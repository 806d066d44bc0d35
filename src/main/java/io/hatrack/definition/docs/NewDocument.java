package io.hatrack.definition.docs;

/**
 * What a new document starts from.
 *
 * @param template the key ({@code prd}) or id of a template; null or blank for {@code blank}
 * @param body the Markdown to start with; null for the template's text
 */
public record NewDocument(String template, String title, String body) {
  public static NewDocument of(String template, String title) {
    return new NewDocument(template, title, null);
  }

  public NewDocument withBody(String text) {
    return new NewDocument(template, title, text);
  }
}
