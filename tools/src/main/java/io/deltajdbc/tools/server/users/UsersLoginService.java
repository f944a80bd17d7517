package io.deltajdbc.tools.server.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.security.AbstractLoginService;
import org.eclipse.jetty.util.security.Credential;

/**
 * Jetty's login service over the users file. BASIC passwords are checked against the PBKDF2 hash; a
 * password once accepted is remembered as an HMAC under a key of this process only, so that a
 * client's every request (Avatica authenticates each one) does not cost a PBKDF2. DIGEST responses
 * are checked against the stored HA1 by Jetty's {@code DigestAuthenticator}. An unknown user fails
 * as a wrong password does, and as slowly: its BASIC password is checked against a decoy hash of a
 * random password, so that the time of a refusal does not tell which user names exist. Each user's
 * one role is its access word ({@code read-only}, {@code read-write}).
 */
public final class UsersLoginService extends AbstractLoginService {
  /** The realm of the server (part of DIGEST's HA1). */
  public static final String DEFAULT_REALM = "delta-jdbc";

  private final Users users;
  private final AuthScheme scheme;
  private final byte[] key = new byte[32];
  private final Map<String, byte[]> accepted = new ConcurrentHashMap<>();
  private final String decoy;

  public UsersLoginService(String realm, Users users, AuthScheme scheme) {
    this.users = users;
    this.scheme = scheme;
    SecureRandom random = new SecureRandom();
    random.nextBytes(key);
    char[] unguessable = new char[32];
    for (int i = 0; i < unguessable.length; i++) {
      unguessable[i] = (char) ('!' + random.nextInt(94));
    }
    this.decoy = PasswordHashes.hash(unguessable);
    setName(realm);
  }

  /** The user an authenticated name stands for. */
  public Optional<ServerUser> user(String name) {
    return name == null ? Optional.empty() : users.find(name).map(UserEntry::user);
  }

  @Override
  protected String[] loadRoleInfo(UserPrincipal user) {
    return users
        .find(user.getName())
        .map(e -> new String[] {e.user().access().word()})
        .orElse(new String[0]);
  }

  @Override
  protected UserPrincipal loadUserInfo(String username) {
    Optional<UserEntry> e = users.find(username);
    if (e.isEmpty()) {
      // BASIC: the same PBKDF2 as for a known user, against a hash no password matches
      return scheme == AuthScheme.DIGEST
          ? null
          : new UserPrincipal(username, new Pbkdf2("", decoy));
    }
    Credential c =
        scheme == AuthScheme.DIGEST
            ? Credential.getCredential("MD5:" + e.get().digestHash())
            : new Pbkdf2(username, e.get().passwordHash());
    return new UserPrincipal(username, c);
  }

  /** A BASIC password checked against a PBKDF2 hash, remembered once right. */
  private final class Pbkdf2 extends Credential {
    private static final long serialVersionUID = 1L;
    private final String user;
    private final String hash;

    Pbkdf2(String user, String hash) {
      this.user = user;
      this.hash = hash;
    }

    @Override
    public boolean check(Object credentials) {
      char[] password =
          credentials instanceof char[] c
              ? c
              : credentials instanceof String s ? s.toCharArray() : null;
      if (password == null) {
        return false;
      }
      byte[] mac = mac(password);
      byte[] known = accepted.get(user + "\0" + hash);
      if (known != null && MessageDigest.isEqual(known, mac)) {
        return true;
      }
      if (PasswordHashes.matches(password, hash)) {
        accepted.put(user + "\0" + hash, mac);
        return true;
      }
      return false;
    }
  }

  private byte[] mac(char[] password) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m.doFinal(new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
