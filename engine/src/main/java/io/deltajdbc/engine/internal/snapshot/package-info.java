/** Snapshots: latest (incremental refresh), by version and by timestamp (time travel). */
package io.deltajdbc.engine.internal.snapshot;
