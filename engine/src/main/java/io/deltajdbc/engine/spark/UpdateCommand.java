package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.dml.UpdateSpec;
import io.deltajdbc.engine.internal.DeltaErrors;

/** UPDATE (next step). */
final class UpdateCommand {
  private final DmlContext ctx;

  UpdateCommand(DmlContext ctx, UpdateSpec spec) {
    this.ctx = ctx;
  }

  DmlResult run() {
    throw DeltaErrors.unsupportedDml(ctx.tablePath, ctx.version(), "UPDATE is not implemented yet.");
  }
}
