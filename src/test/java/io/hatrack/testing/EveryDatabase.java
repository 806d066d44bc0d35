package io.hatrack.testing;

import io.hatrack.kernel.db.Dialect;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The machinery behind {@link OnEveryDatabase}: one run of the test class per dialect, each with an
 * extension that knows its dialect.
 */
final class EveryDatabase implements ClassTemplateInvocationContextProvider {
  @Override
  public boolean supportsClassTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(
      ExtensionContext context) {
    return Stream.of(Dialect.values()).map(Run::new);
  }

  /** The run of a test class on one dialect. */
  private static final class Run implements ClassTemplateInvocationContext {
    private final OnDialect extension;

    Run(Dialect dialect) {
      this.extension = new OnDialect(dialect);
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return extension.dialect == Dialect.SQLITE ? "SQLite" : "PostgreSQL";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(extension);
    }

    @Override
    public void prepareInvocation(ExtensionContext context) {
      extension.run = context;
    }
  }

  /**
   * Skips PostgreSQL tests when PostgreSQL is not there, and resolves {@code TestApp} parameters
   * and a constructor's {@code Dialect}. The shared app lives in the store of the class's run on
   * this dialect, so JUnit closes it when that run ends; a {@link Fresh} app lives in the test's
   * own store.
   */
  private static final class OnDialect implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(OnDialect.class);

    private final Dialect dialect;
    private ExtensionContext run;

    OnDialect(Dialect dialect) {
      this.dialect = dialect;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      if (dialect == Dialect.POSTGRESQL) {
        TestDatabases.requirePostgres();
      }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      // Dialect only for constructors: a test method's Dialect may come from @EnumSource.
      return type == TestApp.class
          || type == Dialect.class && parameter.getDeclaringExecutable() instanceof Constructor;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      if (parameter.getParameter().getType() == Dialect.class) {
        return dialect;
      }
      if (parameter.isAnnotated(Fresh.class)) {
        return context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                "fresh-" + parameter.getIndex(), key -> TestApp.open(dialect), TestApp.class);
      }
      return run.getStore(NAMESPACE)
          .getOrComputeIfAbsent(
              "shared-" + dialect.name().toLowerCase(Locale.ROOT),
              key -> TestApp.open(dialect),
              TestApp.class);
    }
  }
}
