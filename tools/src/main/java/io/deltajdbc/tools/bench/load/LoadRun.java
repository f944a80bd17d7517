package io.deltajdbc.tools.bench.load;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One run of the load, as {@link LoadWorkload#run} takes it: where the connections come from, the
 * mix, how many clients, when to stop (after a duration, after a number of operations, or at
 * whichever comes first), the seed and which memory to sample. Built with {@link #builder}.
 *
 * @param connections a new connection per call (one per client); it may throw unchecked
 * @param mix the statements' shares and their table
 * @param clients concurrent clients, each a thread with its own connection
 * @param duration how long the clients run, timed from the moment all are connected
 * @param maxOperations the operations of all clients together, at most
 * @param seed the seed of the clients' random choices (each client's own stream)
 * @param sampleHeap whether to sample this JVM's used heap (every 100 ms) and report its maximum
 * @param serverMemory a server's memory in bytes (say, a process's resident set), sampled every
 *     second, its maximum reported
 */
public record LoadRun(
    Supplier<Connection> connections,
    LoadMix mix,
    int clients,
    Optional<Duration> duration,
    OptionalLong maxOperations,
    long seed,
    boolean sampleHeap,
    Optional<LongSupplier> serverMemory) {

  public LoadRun {
    requireNonNull(connections, "connections");
    requireNonNull(mix, "mix");
    requireNonNull(duration, "duration");
    requireNonNull(maxOperations, "maxOperations");
    requireNonNull(serverMemory, "serverMemory");
    if (clients < 1) {
      throw new IllegalArgumentException("at least one client");
    }
    if (duration.isEmpty() && maxOperations.isEmpty()) {
      throw new IllegalArgumentException("a run needs a duration or a number of operations");
    }
    if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
      throw new IllegalArgumentException("duration must be positive");
    }
    if (maxOperations.isPresent() && maxOperations.getAsLong() < 1) {
      throw new IllegalArgumentException("maxOperations must be positive");
    }
  }

  public static Builder builder(Supplier<Connection> connections, LoadMix mix) {
    return new Builder(connections, mix);
  }

  /** A run's settings; by default 8 clients, 10 seconds, seed 42, no memory sampled. */
  public static final class Builder {
    private final Supplier<Connection> connections;
    private final LoadMix mix;
    private int clients = 8;
    private Duration duration;
    private long maxOperations;
    private long seed = 42;
    private boolean sampleHeap;
    private LongSupplier serverMemory;

    private Builder(Supplier<Connection> connections, LoadMix mix) {
      this.connections = requireNonNull(connections, "connections");
      this.mix = requireNonNull(mix, "mix");
    }

    public Builder clients(int n) {
      this.clients = n;
      return this;
    }

    public Builder duration(Duration d) {
      this.duration = requireNonNull(d, "d");
      return this;
    }

    public Builder maxOperations(long n) {
      this.maxOperations = n;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    public Builder sampleHeap(boolean sample) {
      this.sampleHeap = sample;
      return this;
    }

    public Builder serverMemory(LongSupplier bytes) {
      this.serverMemory = requireNonNull(bytes, "bytes");
      return this;
    }

    public LoadRun build() {
      Optional<Duration> d =
          duration == null && maxOperations == 0
              ? Optional.of(Duration.ofSeconds(10))
              : Optional.ofNullable(duration);
      return new LoadRun(
          connections,
          mix,
          clients,
          d,
          maxOperations == 0 ? OptionalLong.empty() : OptionalLong.of(maxOperations),
          seed,
          sampleHeap,
          Optional.ofNullable(serverMemory));
    }
  }
}
