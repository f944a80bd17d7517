package io.deltajdbc.tools.server.users;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.eclipse.jetty.server.UserIdentity;
import org.junit.jupiter.api.Test;

/**
 * The login service as Jetty's authenticators call it: a right BASIC password logs in with the
 * user's access as its role, a wrong one and an unknown user do not, and an unknown user's password
 * goes through a PBKDF2 check as a known user's does (so a refusal's time names no user).
 */
class UsersLoginServiceTest {
  static final Users USERS =
      Users.none()
          .with(
              new UserEntry(
                  new ServerUser("alice", Access.READ_ONLY, Set.of()),
                  PasswordHashes.hash("alice-pw".toCharArray()),
                  PasswordHashes.digestHash(
                      "alice", UsersLoginService.DEFAULT_REALM, "alice-pw".toCharArray())));

  @Test
  void basicLogsInOnlyTheRightPassword() {
    UsersLoginService basic =
        new UsersLoginService(UsersLoginService.DEFAULT_REALM, USERS, AuthScheme.BASIC);
    UserIdentity alice = basic.login("alice", "alice-pw", null);
    assertNotNull(alice);
    assertTrue(alice.isUserInRole("read-only", null));
    assertFalse(alice.isUserInRole("read-write", null));
    // once accepted, the same password is accepted again (from the HMAC), a wrong one is not
    assertNotNull(basic.login("alice", "alice-pw", null));
    assertNull(basic.login("alice", "alice-pw ", null));
    assertNull(basic.login("alice", "", null));
    assertNull(basic.login("nobody", "alice-pw", null));
  }

  @Test
  void anUnknownUsersBasicPasswordIsCheckedAgainstADecoyHash() {
    UsersLoginService basic =
        new UsersLoginService(UsersLoginService.DEFAULT_REALM, USERS, AuthScheme.BASIC);
    var decoy = basic.loadUserInfo("nobody");
    assertNotNull(decoy, "an unknown user gets a credential to check, as a known one does");
    assertFalse(decoy.authenticate("alice-pw"));
    assertFalse(decoy.authenticate(""));
    UsersLoginService digest =
        new UsersLoginService(UsersLoginService.DEFAULT_REALM, USERS, AuthScheme.DIGEST);
    assertNull(digest.loadUserInfo("nobody"));
    assertNotNull(digest.loadUserInfo("alice"));
  }
}
