/**
 * Deletion vectors (protocol: "Deletion Vectors"): the Z85 text encoding, the 64-bit
 * RoaringBitmapArray format, and loading a file's deleted row indexes from the log (inline) or from
 * a deletion vector file, with its size and CRC-32 checked.
 */
package io.deltajdbc.engine.internal.dv;
