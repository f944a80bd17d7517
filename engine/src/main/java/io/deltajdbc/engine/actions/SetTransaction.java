package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code txn} action: an application's latest committed version (protocol: "Transaction
 * Identifiers").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetTransaction(String appId, long version, Long lastUpdated) implements Action {
  public SetTransaction {
    requireNonNull(appId, "appId");
  }
}
