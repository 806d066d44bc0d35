package io.hatrack.kernel.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the jte templates compiled into the jar. Every page template takes the {@link Shell} as
 * {@code shell} plus its own parameters.
 */
public final class Views {
  private final TemplateEngine engine;

  public Views() {
    this.engine =
        TemplateEngine.createPrecompiled(
            null, ContentType.Html, Views.class.getClassLoader(), "io.hatrack.templates");
  }

  public String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    return out.toString();
  }

  /** Renders {@code template} as the response. */
  public void page(Context ctx, String template, Map<String, Object> params) {
    ctx.html(render(template, params));
  }
}
