package org.flscale.derive;

/**
 * A derivation's time limit: the energy builder and the solver check it as they go, and stop with
 * {@link Exceeded}, a message that says where they were, instead of running on unbounded.
 */
public final class TimeLimit {
  /** No limit. */
  public static final TimeLimit NONE = new TimeLimit(0);

  private final long seconds;
  private final long deadline;

  private TimeLimit(long seconds) {
    this.seconds = seconds;
    this.deadline = seconds <= 0 ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
  }

  /** A limit of the given seconds from now (0 or less: none). */
  public static TimeLimit ofSeconds(long seconds) {
    return seconds <= 0 ? NONE : new TimeLimit(seconds);
  }

  /** Throws {@link Exceeded} once the limit has passed, saying what was being done. */
  void check(java.util.function.Supplier<String> where) {
    if (System.nanoTime() > deadline) throw new Exceeded(seconds, where.get());
  }

  /** The derivation ran past its time limit. */
  public static final class Exceeded extends RuntimeException {
    public Exceeded(long seconds, String where) {
      super("the derivation stopped at its time limit of " + seconds + " s, " + where
          + "; deep networks and several free scales cost the most: raise --time-limit, tie scales to the base, or restrict "
          + "the patterns compared ('patterns GP, Spec')", null, false, false);
    }
  }
}
