package io.deltajdbc.engine.utilities;

import io.deltajdbc.engine.actions.AddFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Where OPTIMIZE rewrites its bins: in this JVM one after the other ({@link #local}), or on an
 * execution backend that runs {@link OptimizeBin#rewrite} in parallel on its workers (the Spark
 * backend's, {@code io.deltajdbc.engine.dml.DmlExecutor#optimizer}). The commit is always the
 * caller's.
 */
public interface OptimizeRunner {

  /** Where the bins run, for the user: "this JVM", "Apache Spark (local[*])". */
  String description();

  /** The new files of each bin, in the bins' order. */
  List<List<AddFile>> rewrite(List<OptimizeBin> bins);

  /** The bins rewritten one after the other in this JVM. */
  static OptimizeRunner local() {
    return new OptimizeRunner() {
      @Override
      public String description() {
        return "this JVM";
      }

      @Override
      public List<List<AddFile>> rewrite(List<OptimizeBin> bins) {
        List<List<AddFile>> out = new ArrayList<>();
        bins.forEach(b -> out.add(b.rewrite()));
        return out;
      }
    };
  }
}
