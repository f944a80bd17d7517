/**
 * Starting a JVM of this project as a child process: the {@code java} of the running JVM, the
 * {@code --add-opens} Spark needs on Java 17, and the running class path.
 */
package io.deltajdbc.tools.process;
