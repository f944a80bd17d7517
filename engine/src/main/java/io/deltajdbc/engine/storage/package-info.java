/**
 * Storage for the Delta log behind a small {@link io.deltajdbc.engine.storage.LogStore} interface
 * over the Hadoop FileSystem API, chosen by URI scheme.
 */
package io.deltajdbc.engine.storage;
