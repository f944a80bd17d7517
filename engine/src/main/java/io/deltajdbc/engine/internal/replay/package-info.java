/** Log replay and action reconciliation into a table state (protocol: "Action Reconciliation"). */
package io.deltajdbc.engine.internal.replay;
