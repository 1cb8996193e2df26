package org.flscale.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.flscale.derive.Deriver;
import org.flscale.model.ArchModel;
import org.flscale.model.ArchError;
import org.flscale.parse.ArchFileParser;
import org.flscale.report.JsonReport;
import org.flscale.report.TextReport;
import org.flscale.rules.RuleBook;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded mutations of the example files through parse, derive and the reports: every
 * case ends in a derivation or an {@link ArchError} (a clean user error), never another exception,
 * and within {@link #BOUND_SECONDS}. The seed is fixed, so a failure is the same failure on rerun.
 */
class ParseDeriveFuzzTest {
  static final int TRIES = 3000;
  static final long BOUND_SECONDS = 10;

  private static final List<String> EXAMPLES = read("examples/two_layer_erf_he3.arch", "examples/two_layer_free_width.arch",
      "examples/attention_head.arch", "examples/cnn_patches.arch", "examples/three_layer_proportional.arch");
  private static final AtomicInteger cases = new AtomicInteger(), parsed = new AtomicInteger();
  private static final long start = System.nanoTime();

  /** Derivations run on one worker thread: the rules' Symja session belongs to the thread that starts it. */
  private static ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
  private static Future<RuleBook> book = worker.submit(() -> RuleBook.load(Path.of("rules"), null));

  /** One seeded run: each case mutates a randomly chosen example with a seed of its own. */
  @Test
  void everyMutantEndsInADerivationOrACleanError() throws Exception {
    Random seeds = new Random(20251201);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < TRIES; i++) {
      String text = ArchMutations.mutate(EXAMPLES.get(seeds.nextInt(EXAMPLES.size())), new Random(seeds.nextLong()));
      String failure = check(text);
      if (failure != null && failures.size() < 5) failures.add(failure);
    }
    System.out.printf("fuzz: %d mutants of %d examples, %d parsed (the rest: clean errors), in %.1f s%n", cases.get(),
        EXAMPLES.size(), parsed.get(), (System.nanoTime() - start) * 1e-9);
    assertTrue(failures.isEmpty(), String.join("\n\n", failures));
  }

  /** Null when the mutant ends in a derivation or a clean error within the bound, else what went wrong. */
  private static String check(String text) throws InterruptedException {
    cases.incrementAndGet();
    Future<String> outcome = worker.submit(() -> {
      RuleBook rules = book.get();
      ArchModel m;
      try {
        m = new ArchFileParser(rules.knownNames()).parse(text, "fuzz.arch");
      } catch (ArchError e) {
        return e.format();
      }
      parsed.incrementAndGet();
      try {
        var d = new Deriver(rules).derive(m);
        TextReport.render(d);
        JsonReport.toJson(d);
        return "derived";
      } catch (ArchError e) {
        return e.format();
      }
    });
    try {
      outcome.get(BOUND_SECONDS, TimeUnit.SECONDS);
      return null;
    } catch (TimeoutException e) {
      restartWorker(); // the stuck derivation keeps its thread; later cases get a fresh one
      return "no answer within " + BOUND_SECONDS + " s for:\n" + text;
    } catch (ExecutionException e) {
      return "not a clean error (" + e.getCause() + ") for:\n" + text;
    }
  }

  private static void restartWorker() {
    worker.shutdownNow();
    worker = Executors.newSingleThreadExecutor(daemon());
    book = worker.submit(() -> RuleBook.load(Path.of("rules"), null));
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fuzz-worker");
      t.setDaemon(true);
      return t;
    };
  }

  private static List<String> read(String... files) {
    return java.util.Arrays.stream(files).map(f -> {
      try {
        return Files.readString(Path.of(f));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }
}
