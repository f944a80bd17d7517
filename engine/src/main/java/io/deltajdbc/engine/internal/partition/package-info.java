/** Partition values: their string form in the log (protocol: "Partition Value Serialization") and back. */
package io.deltajdbc.engine.internal.partition;
