package io.deltajdbc.calcite.rel;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/** A relational expression evaluated by the Delta engine. */
public interface DeltaRel extends RelNode {
  Convention CONVENTION = new Convention.Impl("DELTA", DeltaRel.class);
}
