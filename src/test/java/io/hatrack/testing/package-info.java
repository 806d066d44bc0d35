/**
 * What Hatrack's tests stand on.
 *
 * <ul>
 *   <li>{@link io.hatrack.testing.OnEveryDatabase} runs a test class once on SQLite and once on
 *       PostgreSQL; its test methods take a {@link io.hatrack.testing.TestApp} (the real {@code
 *       App} without HTTP, with a {@link io.hatrack.testing.MutableClock} and a cheap Argon2id
 *       cost) on a database shared by the class, or a {@link io.hatrack.testing.Fresh} one of their
 *       own.
 *   <li>{@link io.hatrack.testing.TestDatabases} makes and drops the databases. PostgreSQL is found
 *       at {@code HATRACK_TEST_PG_URL} (default {@code
 *       jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}, a user allowed to create
 *       databases); without it PostgreSQL tests are skipped, or fail when {@code
 *       HATRACK_REQUIRE_POSTGRES=1}.
 *   <li>{@link io.hatrack.testing.Fixtures} makes people, workspaces, products and pages with
 *       unique names; {@link io.hatrack.testing.TableDump} reads every row of every table for
 *       comparisons; {@link io.hatrack.testing.Race} starts actions at the same moment.
 * </ul>
 */
package io.hatrack.testing;
