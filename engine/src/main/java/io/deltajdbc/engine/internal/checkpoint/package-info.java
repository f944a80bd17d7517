/** Reading checkpoints: classic, multi-part and V2 with sidecars (protocol: "Checkpoints"). */
package io.deltajdbc.engine.internal.checkpoint;
