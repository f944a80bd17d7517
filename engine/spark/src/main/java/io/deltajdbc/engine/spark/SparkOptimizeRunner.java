package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.utilities.OptimizeBin;
import io.deltajdbc.engine.utilities.OptimizeRunner;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * OPTIMIZE's bins rewritten on Spark: one task per bin, each running {@link OptimizeBin#rewrite} on
 * its executor (which reads and writes the table's storage directly), the new files' adds collected
 * back as log JSON for the caller's commit.
 */
record SparkOptimizeRunner(SparkSession spark) implements OptimizeRunner {

  @Override
  public String description() {
    return "Apache Spark (" + spark.sparkContext().master() + ")";
  }

  @Override
  public List<List<AddFile>> rewrite(List<OptimizeBin> bins) {
    if (bins.isEmpty()) {
      return List.of();
    }
    List<List<String>> written =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(bins, bins.size())
            .map(new Rewrite())
            .collect();
    List<List<AddFile>> out = new ArrayList<>();
    for (List<String> adds : written) {
      out.add(adds.stream().map(j -> (AddFile) ActionJson.parse(j)).toList());
    }
    return out;
  }

  /** The task: one bin rewritten, its adds as JSON. */
  private static final class Rewrite implements Function<OptimizeBin, List<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<String> call(OptimizeBin bin) {
      return new ArrayList<>(bin.rewrite().stream().map(ActionJson::toJson).toList());
    }
  }
}
