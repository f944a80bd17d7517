/** Column mapping modes none, name and id (protocol: "Column Mapping"). */
package io.deltajdbc.engine.internal.columnmapping;
