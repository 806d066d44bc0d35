package io.hatrack.kernel.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes passwords with Argon2id (RFC 9106) through password4j. The default cost follows OWASP's
 * recommendation (19 MiB of memory, 2 iterations, 1 lane); the hash string records its own
 * parameters, so raising the cost later still verifies old hashes.
 */
public final class PasswordHasher {
  /** OWASP's recommended minimum for Argon2id. */
  public static final PasswordHasher DEFAULT = new PasswordHasher(19 * 1024, 2);

  private final Argon2Function function;
  private volatile String dummyHash;

  /**
   * @param memoryKib memory cost in KiB
   * @param iterations time cost
   */
  public PasswordHasher(int memoryKib, int iterations) {
    this.function = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
  }

  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(function).getResult();
  }

  /** True when {@code password} matches {@code hash}; false for a missing or foreign hash. */
  public boolean matches(String password, String hash) {
    if (hash == null || !hash.startsWith("$argon2")) {
      // Spend the same time as a real check, so that timing does not reveal unknown e-mails.
      // The dummy hash is made on first need, not at start-up, where it would cost a second.
      String dummy = dummyHash;
      if (dummy == null) {
        dummy = hash("not the password of anyone");
        dummyHash = dummy;
      }
      Password.check(password, dummy).with(function);
      return false;
    }
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }
}
