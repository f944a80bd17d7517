/**
 * The server's users: the users file ({@link io.deltajdbc.tools.server.users.Users}), its hashed
 * passwords ({@link io.deltajdbc.tools.server.users.PasswordHashes}), the Jetty login service that
 * checks them ({@link io.deltajdbc.tools.server.users.UsersLoginService}) and the tool that adds a
 * user ({@link io.deltajdbc.tools.server.users.AddUser}, {@code delta-server add-user}).
 *
 * <p>The file has one user per line; {@code #} starts a comment:
 *
 * <pre>
 * alice = read-write; catalogs=*; pbkdf2-sha256$210000$&lt;salt&gt;$&lt;hash&gt;; md5:&lt;hex&gt;
 * bob   = read-only; catalogs=sales,hr; ...
 * </pre>
 *
 * The PBKDF2 hash checks BASIC passwords; the MD5 one is HTTP Digest's HA1, {@code
 * MD5(user:realm:password)} for the realm {@code delta-jdbc}: a DIGEST server needs it, and a
 * password never appears in the file.
 */
package io.deltajdbc.tools.server.users;
