package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;
import org.junit.jupiter.api.Test;

/** The engine seam: a sweep as text rebuilt in "another JVM" gives the driver's records; a missing engine is a user error. */
class SweepEngineTest {
  private static final String FILE = "examples/two_layer_erf_he3.arch";

  @Test
  void aJobShippedAndRebuiltRunsTheSameCell() throws Exception {
    RuleBook rules = RuleBook.load(Path.of("rules"), null);
    String text = Files.readString(Path.of(FILE));
    ArchModel model = new ArchFileParser(rules.knownNames()).parse(text, FILE);
    SweepPlan plan = Budget.QUICK.plan(SamplerSettings.Mode.LANGEVIN, 1).with(List.of(6), List.of(4.0), 1, null, null);
    SweepRunner driver = new SweepRunner(new ModelInstance(model, rules, Map.of()), plan, 1);
    SweepJob job = new SweepJob(FILE, text, Path.of("rules"), List.of(), Map.<String, Q>of(), Map.of(), plan, driver.settingsKey());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(job);
      out.writeObject(plan.cells().get(0));
    }
    SweepJob shipped;
    Cell cell;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      shipped = (SweepJob) in.readObject();
      cell = (Cell) in.readObject();
    }
    CellRecord there = shipped.rebuild().runCell(cell);
    CellRecord here = driver.runCell(cell);
    assertEquals(here.settings(), there.settings());
    assertEquals(here.alignment(), there.alignment(), 0.0, "a cell is a pure function of the job and its seed");
    assertEquals(here.testMse(), there.testMse(), 0.0);
    assertEquals(here.steps(), there.steps());
  }

  @Test
  void anEngineNotOnTheClassPathIsOneLineAndExitTwo() {
    org.flscale.CliRun r = org.flscale.CliRun.run("verify", FILE, "--quick", "--engine", "spark", "--out", "target/no-spark", "--no-progress");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("the Spark engine is not on the class path"), r.err());
    assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("error")).count(), r.err());
    org.flscale.CliRun other = org.flscale.CliRun.run("verify", FILE, "--quick", "--engine", "flink", "--out", "target/no-spark", "--no-progress");
    assertEquals(2, other.status());
    assertTrue(other.err().contains("no such engine; known: local"), other.err());
    org.flscale.CliRun master = org.flscale.CliRun.run("verify", FILE, "--quick", "--master", "local[2]", "--out", "target/no-spark", "--no-progress");
    assertEquals(2, master.status());
    assertTrue(master.err().contains("--master is for a distributed engine"), master.err());
  }
}
