package io.hatrack.testing;

import io.hatrack.kernel.db.Dialect;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs every test of the annotated class once per {@link Dialect}: SQLite, then PostgreSQL.
 *
 * <p>A test method that declares a {@link TestApp} parameter gets an app on a database that all
 * tests of the class share on that dialect; tests keep out of each other's way by creating their
 * own people, workspaces and products. A {@link Fresh} {@code TestApp} parameter gets an app on an
 * empty database of its own, for tests where emptiness matters. The class's constructor may declare
 * a {@code Dialect} parameter to learn which database its tests run on.
 *
 * <p>When PostgreSQL is not reachable its tests are skipped with the reason; see {@link
 * TestDatabases}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(EveryDatabase.class)
public @interface OnEveryDatabase {}
