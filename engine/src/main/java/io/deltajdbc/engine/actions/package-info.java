/**
 * The actions of the Delta transaction log as immutable records (protocol: "Actions"), and their
 * JSON form ({@link io.deltajdbc.engine.actions.ActionJson}).
 */
package io.deltajdbc.engine.actions;
