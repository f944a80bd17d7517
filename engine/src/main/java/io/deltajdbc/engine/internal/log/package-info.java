/**
 * The log directory: file names, {@code _last_checkpoint}, and the {@link
 * io.deltajdbc.engine.internal.log.LogSegment} (checkpoint plus commits) of a version.
 */
package io.deltajdbc.engine.internal.log;
