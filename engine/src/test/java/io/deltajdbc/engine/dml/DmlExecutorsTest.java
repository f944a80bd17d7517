package io.deltajdbc.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine core finds its DML backend through ServiceLoader only: its own test class path has
 * Spark (under the delta-spark oracle) but not the backend module, so DML is unavailable here, and
 * says which jar is missing.
 */
class DmlExecutorsTest {

  @Test
  void withoutTheBackendModuleDmlSaysWhatIsMissing() {
    DeltaException e = assertThrows(DeltaException.class, () -> DmlExecutors.spark(Map.of()));
    assertEquals(ErrorCode.EXECUTION_BACKEND_UNAVAILABLE, e.code());
    assertEquals("0A000", e.code().sqlState());
    assertTrue(e.getMessage().contains("delta-jdbc-engine-spark"), e.getMessage());
  }

  @Test
  void aForbiddenSettingIsRefusedBeforeAnyBackendIsLookedFor() {
    DeltaException e =
        assertThrows(
            DeltaException.class,
            () -> DmlExecutors.spark(Map.of("spark.sql.warehouse.dir", "/elsewhere")));
    assertEquals(ErrorCode.ACCESS_RULE_VIOLATION, e.code(), e.getMessage());
  }
}
