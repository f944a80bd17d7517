package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

/**
 * The {@code domainMetadata} action (protocol: "Domain Metadata"); {@code removed} is a tombstone.
 */
public record DomainMetadata(String domain, String configuration, boolean removed)
    implements Action {
  public DomainMetadata {
    requireNonNull(domain, "domain");
    requireNonNull(configuration, "configuration");
  }
}
