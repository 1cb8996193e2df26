package org.flscale.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.flscale.cli.Main;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;
import org.flscale.verify.Budget;
import org.flscale.verify.SamplerSettings;
import org.flscale.verify.SweepEngine;
import org.flscale.verify.SweepPlan;
import org.flscale.verify.Verification;
import org.flscale.verify.VerifyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --engine spark on Spark's local mode, one context for every test (local[2,2]: two task slots,
 * a task tried twice): the quick and default sweeps end to end, a task failing on its first
 * attempt, a run killed and resumed.
 */
class SparkSweepEngineTest {
  private static final String FILE = "examples/two_layer_erf_he3.arch";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JavaSparkContext context;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    context = new JavaSparkContext(SparkSweepEngine.conf("local[2,2]"));
  }

  @AfterAll
  static void stop() {
    context.stop();
  }

  private static JsonNode verify(String... args) throws Exception {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int status = Main.run(args);
      assertEquals(0, status, "exit status");
    } finally {
      System.setOut(oldOut);
    }
    return JSON.readTree(out.toString(StandardCharsets.UTF_8));
  }

  private static List<String> keys(Path cells) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(cells)) {
      JsonNode j = JSON.readTree(line);
      out.add(j.get("d").asInt() + "/" + j.get("p").asInt() + "/" + j.get("seed").asInt() + "/" + j.get("start").asText());
    }
    return out;
  }

  @Test
  void theQuickSweepOnSparkGivesTheLocalRecords() throws Exception {
    Path spark = tmp.resolve("spark"), local = tmp.resolve("local");
    JsonNode s = verify("verify", FILE, "--quick", "--engine", "spark", "--out", spark.toString(), "--format", "json", "--no-progress", "--no-plots", "--predicted", "1");
    JsonNode l = verify("verify", FILE, "--quick", "--out", local.toString(), "--format", "json", "--no-progress", "--no-plots", "--predicted", "1");
    assertEquals(9, s.get("cells_run_now").asInt());
    assertTrue(s.get("engine").asText().startsWith("Spark local[2,2]"), s.toString());
    Map<String, Double> here = new java.util.HashMap<>();
    for (String line : Files.readAllLines(local.resolve("cells.jsonl"))) {
      JsonNode j = JSON.readTree(line);
      here.put(j.get("d") + "/" + j.get("p") + "/" + j.get("seed"), j.get("alignment").asDouble());
    }
    for (String line : Files.readAllLines(spark.resolve("cells.jsonl"))) {
      JsonNode j = JSON.readTree(line);
      assertEquals(here.get(j.get("d") + "/" + j.get("p") + "/" + j.get("seed")), j.get("alignment").asDouble(), 0.0, "a cell is its seed's");
    }
    assertEquals(l.get("verdict"), s.get("verdict"));
  }

  @Test
  void theDefaultSweepRunsOnSpark() throws Exception {
    // the default budget's sizes (d, P/d, seeds, starts: 96 cells), its chains a tenth as long
    JsonNode s = verify("verify", FILE, "--engine", "spark", "--time", "0.3", "--out", tmp.toString(), "--format", "json",
        "--no-progress", "--no-plots", "--predicted", "1");
    assertEquals(4 * 6 * 2 * 2, s.get("cells").asInt());
    assertEquals(96, s.get("cells_run_now").asInt());
    assertEquals(new HashSet<>(keys(tmp.resolve("cells.jsonl"))).size(), s.get("cells").asInt());
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndEveryCellArrives() throws Exception {
    Path out = tmp.resolve("retry");
    SparkSweepEngine.CellTask failFirst = (job, cell) -> {
      if (cell.seed() == 1 && cell.d() == 8 && TaskContext.get().attemptNumber() == 0) throw new IllegalStateException("executor lost (test)");
      return job.runner().runCell(cell);
    };
    Verification.Outcome o;
    try (SweepEngine engine = new SparkSweepEngine(context, failFirst)) {
      o = verification(out, false).run(engine, quiet());
    }
    assertEquals(9, JSON.readTree(o.json()).get("cells").asInt());
    assertEquals(9, new HashSet<>(keys(out.resolve("cells.jsonl"))).size());
  }

  @Test
  void aRunThatStopsKeepsItsFinishedCellsAndResumeRunsOnlyTheRest() throws Exception {
    Path out = tmp.resolve("stopped");
    // the smallest d (run last) fails on every attempt: the run stops after most cells came back
    SparkSweepEngine.CellTask broken = (job, cell) -> {
      if (cell.d() == 8) throw new IllegalStateException("killed (test)");
      return job.runner().runCell(cell);
    };
    try (SweepEngine engine = new SparkSweepEngine(context, broken)) {
      VerifyException e = assertThrows(VerifyException.class, () -> verification(out, false).run(engine, quiet()));
      assertTrue(e.getMessage().contains("killed (test)") && e.getMessage().contains("--resume"), e.getMessage());
    }
    List<String> finished = keys(out.resolve("cells.jsonl"));
    List<String> lines = Files.readAllLines(out.resolve("cells.jsonl"));
    assertTrue(!finished.isEmpty() && finished.size() < 9, "some cells finished before the stop: " + finished);
    Verification.Outcome o;
    try (SweepEngine engine = new SparkSweepEngine(context, (job, cell) -> job.runner().runCell(cell))) {
      o = verification(out, true).run(engine, quiet());
    }
    assertEquals(9 - finished.size(), JSON.readTree(o.json()).get("cells_run_now").asInt(), "finished cells never rerun");
    List<String> all = Files.readAllLines(out.resolve("cells.jsonl"));
    assertEquals(lines, all.subList(0, lines.size()), "the finished lines are kept as they were");
    assertEquals(9, new HashSet<>(keys(out.resolve("cells.jsonl"))).size());
  }

  /** Holds the slots of the test's blocking job (tasks of local mode share the test's JVM). */
  private static final java.util.concurrent.CountDownLatch RELEASE = new java.util.concurrent.CountDownLatch(1);

  @Test
  void aJobNoExecutorTakesStopsAfterTheStartTimeoutWithAClearMessage() throws Exception {
    // another job holds both task slots, as a cluster without a free executor would
    Thread blocker = new Thread(() -> {
      context.setJobGroup("blocker", "holds the slots", true);
      try {
        context.parallelize(List.of(1, 2), 2).foreach(x -> RELEASE.await(60, TimeUnit.SECONDS));
      } catch (RuntimeException e) {
        // cancelled at the end of the test
      }
    });
    blocker.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (context.statusTracker().getActiveStageIds().length == 0 && System.nanoTime() < deadline) Thread.sleep(20);
      try (SweepEngine engine = new SparkSweepEngine(context, (job, cell) -> job.runner().runCell(cell), 2)) {
        VerifyException e = assertThrows(VerifyException.class, () -> verification(tmp.resolve("waiting"), false).run(engine, quiet()));
        assertTrue(e.getMessage().contains("no executor") && e.getMessage().contains("within 2 s"), e.getMessage());
      }
    } finally {
      RELEASE.countDown();
      blocker.join(30_000);
    }
  }

  @Test
  void aKilledProcessLosesNoFinishedCell() throws Exception {
    Path out = tmp.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(System.getProperty("flscale.spark.javaOptions", "").split(" ")));
    // its scratch space in the test's own directory: a JVM killed with -9 cannot delete its block manager's folders
    cmd.addAll(List.of("-Dspark.local.dir=" + tmp.resolve("spark-local"), "-Dflscale.cache=off", "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
        "-cp", System.getProperty("java.class.path"), "org.flscale.cli.Main", "verify", FILE, "--quick", "--seeds", "4", "--engine", "spark",
        "--out", out.toString(), "--no-progress", "--no-plots", "--predicted", "1"));
    cmd.removeIf(String::isEmpty);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
    Path cells = out.resolve("cells.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (p.isAlive() && System.nanoTime() < deadline && (!Files.exists(cells) || Files.readAllLines(cells).size() < 2)) Thread.sleep(20);
    p.destroyForcibly().waitFor();
    assertTrue(Files.exists(cells), Files.readString(tmp.resolve("log")));
    Set<String> before = new HashSet<>(keys(cells));
    List<String> linesBefore = Files.readAllLines(cells).stream().filter(l -> l.endsWith("}")).toList();
    assertTrue(before.size() >= 2, "cells finished before the kill");
    JsonNode j = verify("verify", FILE, "--quick", "--seeds", "4", "--engine", "spark", "--out", out.toString(), "--format", "json",
        "--no-progress", "--no-plots", "--predicted", "1", "--resume");
    assertEquals(36, j.get("cells").asInt());
    assertTrue(j.get("cells_run_now").asInt() <= 36 - before.size(), "the finished cells were kept: " + j);
    List<String> after = keys(cells);
    assertEquals(36, after.size());
    assertEquals(36, new HashSet<>(after).size(), "no cell twice");
    assertTrue(Files.readAllLines(cells).containsAll(linesBefore), "every cell finished before the kill is kept as it was");
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** What `verify FILE --quick --predicted 1` builds, on an engine the test gives. */
  private static Verification verification(Path out, boolean resume) throws Exception {
    RuleBook rules = RuleBook.load(Path.of("rules"), null);
    String text = Files.readString(Path.of(FILE));
    ArchModel model = new ArchFileParser(rules.knownNames()).parse(text, FILE);
    SweepPlan plan = Budget.QUICK.plan(SamplerSettings.Mode.LANGEVIN, 1);
    Verification.Options options = new Verification.Options(List.of(0.3, 0.4, 0.5), 0.4, 200, 1.0, 2.0, 4, 2, out, resume, false, false,
        SweepEngine.Settings.local(2));
    return new Verification(model, text, rules, Map.of(), plan, false, Q.ONE, options);
  }
}
