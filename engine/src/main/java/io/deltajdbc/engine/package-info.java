/**
 * The engine's API: open a {@link io.deltajdbc.engine.DeltaTable}, take a {@link
 * io.deltajdbc.engine.Snapshot} of it (latest, or by version or timestamp for time travel), and
 * scan it with a projection and predicate. Everything under {@code internal} is not API.
 */
package io.deltajdbc.engine;
