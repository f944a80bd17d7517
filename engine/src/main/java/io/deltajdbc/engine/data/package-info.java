/** Row values as the engine hands them to callers: {@link io.deltajdbc.engine.data.Row}. */
package io.deltajdbc.engine.data;
