package io.deltajdbc.engine.actions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of actions: one single-key object per line of a commit file (protocol: "Delta Log
 * Entries"). Unknown action kinds and unknown fields are ignored, as the protocol requires of
 * readers.
 */
public final class ActionJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          // Absent fields are left out, but a map's null values are written: a null partition
          // value is "p":null in the log, as delta-spark writes it (protocol: "Partition Value
          // Serialization"), not a missing key.
          .setDefaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
  private static final ObjectReader READER = MAPPER.readerFor(Envelope.class);
  private static final ObjectWriter WRITER = MAPPER.writerFor(Envelope.class);

  private ActionJson() {}

  /** The shared mapper, configured for the log's JSON. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses one line of a commit file. Returns null for an empty line or an action kind this version
   * does not know (to be ignored). Throws {@link IllegalArgumentException} on bad JSON.
   */
  public static Action parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    Envelope e;
    try {
      e = READER.readValue(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalArgumentException("not a valid action: " + ex.getOriginalMessage(), ex);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("not a valid action: " + ex.getMessage(), ex);
    }
    return e == null ? null : e.action();
  }

  /** The single-line JSON of an action, as it is written to a commit file. */
  /**
   * A plain value (string, number, list, map) as JSON text, as Delta writes operation parameters
   * and metrics; for callers that must not depend on Jackson's types (the Spark backend runs beside
   * a driver jar whose Jackson is relocated).
   */
  public static String toJsonValue(Object value) {
    try {
      return mapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON value: " + value, e);
    }
  }

  public static String toJson(Action action) {
    try {
      return WRITER.writeValueAsString(Envelope.of(action));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The wire form: exactly one of the fields is set. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class Envelope {
    public AddFile add;
    public RemoveFile remove;
    public Metadata metaData;
    public Protocol protocol;
    public SetTransaction txn;
    public CommitInfo commitInfo;
    public AddCDCFile cdc;
    public DomainMetadata domainMetadata;
    public CheckpointMetadata checkpointMetadata;
    public Sidecar sidecar;

    Action action() {
      if (add != null) return add;
      if (remove != null) return remove;
      if (metaData != null) return metaData;
      if (protocol != null) return protocol;
      if (txn != null) return txn;
      if (commitInfo != null) return commitInfo;
      if (cdc != null) return cdc;
      if (domainMetadata != null) return domainMetadata;
      if (checkpointMetadata != null) return checkpointMetadata;
      return sidecar;
    }

    static Envelope of(Action a) {
      Envelope e = new Envelope();
      if (a instanceof AddFile x) {
        e.add = x;
      } else if (a instanceof RemoveFile x) {
        e.remove = x;
      } else if (a instanceof Metadata x) {
        e.metaData = x;
      } else if (a instanceof Protocol x) {
        e.protocol = x;
      } else if (a instanceof SetTransaction x) {
        e.txn = x;
      } else if (a instanceof CommitInfo x) {
        e.commitInfo = x;
      } else if (a instanceof AddCDCFile x) {
        e.cdc = x;
      } else if (a instanceof DomainMetadata x) {
        e.domainMetadata = x;
      } else if (a instanceof CheckpointMetadata x) {
        e.checkpointMetadata = x;
      } else if (a instanceof Sidecar x) {
        e.sidecar = x;
      }
      return e;
    }
  }
}
