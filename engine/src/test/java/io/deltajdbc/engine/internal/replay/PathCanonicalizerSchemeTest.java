package io.deltajdbc.engine.internal.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scheme test of log replay's path keys answers as the regular expression it replaced. */
class PathCanonicalizerSchemeTest {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  @Test
  void schemeTestMatchesTheRegularExpression() {
    List<String> paths =
        List.of(
            "",
            "a",
            ":",
            "a:",
            "file:/t/a.parquet",
            "s3a://bucket/x",
            "part=p0/a.parquet",
            "x=2024-01-01 10:00:00/a.parquet",
            "1abc:x",
            "ab+c.d-e:rest",
            "ab_c:rest",
            "/abs/a.parquet",
            "a%20b.parquet",
            "hdfs:line\nbreak",
            "hdfs:cr\rx",
            "ab:\u2028",
            "ab:\u0085",
            "ab:\u2029",
            "ab:é",
            "é:x",
            "Z:",
            "a b:c");
    for (String p : paths) {
      assertEquals(SCHEME.matcher(p).matches(), PathCanonicalizer.hasScheme(p), p);
    }
  }
}
