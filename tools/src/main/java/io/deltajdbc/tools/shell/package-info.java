/** The command-line SQL shell (sqlline over the driver) and its demo warehouse. */
package io.deltajdbc.tools.shell;
