package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.internal.DeltaErrors;

/** MERGE (next step). */
final class MergeCommand {
  private final DmlContext ctx;

  MergeCommand(DmlContext ctx, MergeSpec spec) {
    this.ctx = ctx;
  }

  DmlResult run() {
    throw DeltaErrors.unsupportedDml(ctx.tablePath, ctx.version(), "MERGE is not implemented yet.");
  }
}
