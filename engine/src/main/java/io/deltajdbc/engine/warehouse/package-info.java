/**
 * Tables as names in a warehouse: which names are names and not paths ({@link
 * io.deltajdbc.engine.warehouse.TableNames}), locations that stay inside the warehouse root ({@link
 * io.deltajdbc.engine.warehouse.WarehouseRoot}), and the files a table owns, the only ones DROP
 * TABLE deletes ({@link io.deltajdbc.engine.warehouse.OwnedFiles}, {@link
 * io.deltajdbc.engine.warehouse.DropResult}).
 */
package io.deltajdbc.engine.warehouse;
