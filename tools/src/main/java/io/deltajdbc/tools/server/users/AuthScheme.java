package io.deltajdbc.tools.server.users;

/** How users authenticate to the server. */
public enum AuthScheme {
  /** HTTP BASIC: the password crosses the wire (use TLS off loopback), checked against PBKDF2. */
  BASIC,
  /** HTTP DIGEST: a hash crosses the wire, checked against the stored HA1. */
  DIGEST
}
