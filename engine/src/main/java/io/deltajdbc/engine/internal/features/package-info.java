/** Table features and protocol versions: what the engine supports, checked before any read. */
package io.deltajdbc.engine.internal.features;
