package io.deltajdbc.engine.internal.checkpoint.columnar;

/**
 * A page or layout this reader does not decode (an encoding other than PLAIN, dictionary and RLE,
 * or a column shaped differently from the checkpoint schema): the file is read by the row reader.
 */
final class UnsupportedEncodingFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnsupportedEncodingFound(String message) {
    super(message, null, false, false);
  }
}
