/**
 * Delta's column types and schemas (protocol: "Schema Serialization Format"), with their JSON form
 * in {@link io.deltajdbc.engine.types.SchemaJson}.
 */
package io.deltajdbc.engine.types;
