package io.deltajdbc.engine.internal.parquet.batch;

import static org.apache.parquet.filter2.predicate.FilterApi.and;
import static org.apache.parquet.filter2.predicate.FilterApi.binaryColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.eq;
import static org.apache.parquet.filter2.predicate.FilterApi.gt;
import static org.apache.parquet.filter2.predicate.FilterApi.gtEq;
import static org.apache.parquet.filter2.predicate.FilterApi.longColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.lt;
import static org.apache.parquet.filter2.predicate.FilterApi.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a Parquet filter, the batch reader reads only the pages the column index keeps: columns
 * whose pages start at different rows stay aligned (every column's values of a returned row are
 * that row's), no row the filter can match is lost (the oracle: the same file read without filter,
 * filtered afterwards), and fewer rows come back than the file has.
 */
class PageSkippingTest {
  private static final int ROWS = 20_000;

  @TempDir java.nio.file.Path dir;

  private static final StructType READ = ParquetBatchReaderTest.SCHEMA;

  private void check(
      Path file, FilterPredicate filter, Predicate<List<Object>> exact, String what) {
    List<List<Object>> all =
        BatchReaderTestSupport.batchReader(
            file, READ, new ParquetReadOptions(ColumnMatching.BY_NAME, null, "t"), 4096);
    assertNotNull(all);
    assertEquals(ROWS, all.size());
    List<List<Object>> expected = new ArrayList<>();
    for (List<Object> row : all) {
      if (exact.test(row)) {
        expected.add(row);
      }
    }
    for (int batchSize : new int[] {1, 100, 4096}) {
      List<List<Object>> read =
          BatchReaderTestSupport.batchReader(
              file,
              READ,
              new ParquetReadOptions(ColumnMatching.BY_NAME, null, "t", filter),
              batchSize);
      assertNotNull(read);
      long previous = -1;
      List<List<Object>> matching = new ArrayList<>();
      for (List<Object> row : read) {
        long id = (Long) row.get(0);
        assertTrue(id > previous, what + ": rows in file order");
        previous = id;
        // id is the row's position: every column's value of the row, as read without a filter
        assertEquals(all.get((int) id), row, what + ": row " + id + " in batches of " + batchSize);
        if (exact.test(row)) {
          matching.add(row);
        }
      }
      assertEquals(expected, matching, what + ": the rows that match, in batches of " + batchSize);
      assertTrue(
          read.size() < rowsOfGroupsHolding(file, expected),
          what
              + ": pages were skipped inside row groups ("
              + read.size()
              + " rows read, "
              + rowsOfGroupsHolding(file, expected)
              + " in the row groups kept)");
    }
    // the record reader, filtering records itself, returns the same matching rows
    List<List<Object>> records = new ArrayList<>();
    for (List<Object> row :
        BatchReaderTestSupport.rowReader(
            file, READ, new ParquetReadOptions(ColumnMatching.BY_NAME, null, "t", filter))) {
      if (exact.test(row)) {
        records.add(row);
      }
    }
    assertEquals(expected, records, what + ": the record reader's rows");
  }

  /** The rows of the row groups that hold one of {@code rows} (ids are positions). */
  private static long rowsOfGroupsHolding(Path file, List<List<Object>> rows) {
    try (ParquetFileReader r =
        ParquetFileReader.open(HadoopInputFile.fromPath(file, new Configuration()))) {
      long total = 0;
      for (BlockMetaData b : r.getRowGroups()) {
        long first = b.getRowIndexOffset();
        if (rows.stream().anyMatch(row -> id(row) >= first && id(row) < first + b.getRowCount())) {
          total += b.getRowCount();
        }
      }
      return total;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long id(List<Object> row) {
    return (Long) row.get(0);
  }

  @Test
  void rangesOfIdsOnV1AndV2PagesWithAndWithoutDictionaries() throws Exception {
    int seed = 0;
    for (WriterVersion version : WriterVersion.values()) {
      for (boolean dictionary : new boolean[] {false, true}) {
        Path file =
            ParquetBatchReaderTest.write(
                dir, "f" + seed + ".parquet", ROWS, version, dictionary, false, 100 + seed++);
        String what = version + (dictionary ? " dictionary" : " plain");
        check(
            file,
            and(gtEq(longColumn("id"), 1234L), lt(longColumn("id"), 1500L)),
            r -> id(r) >= 1234 && id(r) < 1500,
            what + " one range");
        check(
            file,
            or(
                or(
                    lt(longColumn("id"), 7L),
                    and(gt(longColumn("id"), 5000L), lt(longColumn("id"), 5003L))),
                gtEq(longColumn("id"), ROWS - 333L)),
            r -> id(r) < 7 || (id(r) > 5000 && id(r) < 5003) || id(r) >= ROWS - 333,
            what + " three ranges");
        check(
            file,
            and(lt(longColumn("id"), 3000L), eq(binaryColumn("str"), Binary.fromString("k3"))),
            r -> id(r) < 3000 && "k3".equals(r.get(18)),
            what + " a range and a string");
      }
    }
  }

  @Test
  void filterThatKeepsNoPageReadsNoRows() throws Exception {
    Path file =
        ParquetBatchReaderTest.write(
            dir, "none.parquet", ROWS, WriterVersion.PARQUET_2_0, false, false, 5);
    List<List<Object>> read =
        BatchReaderTestSupport.batchReader(
            file,
            READ,
            new ParquetReadOptions(ColumnMatching.BY_NAME, null, "t", lt(longColumn("id"), -5L)),
            100);
    assertEquals(List.of(), read);
  }
}
