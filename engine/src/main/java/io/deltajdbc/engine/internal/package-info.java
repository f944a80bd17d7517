/** Engine internals: not API, may change without notice. */
package io.deltajdbc.engine.internal;
