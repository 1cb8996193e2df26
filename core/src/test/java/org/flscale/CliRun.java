package org.flscale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.flscale.cli.Main;

/** One run of the command line inside the test JVM, with what it printed. */
public record CliRun(int status, String out, String err) {

  public static synchronized CliRun run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.run(args);
      return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Runs, checks the exit status, and returns {stdout, stderr}. */
  public static String[] expect(int status, String... args) {
    CliRun r = run(args);
    assertEquals(status, r.status(), "exit status; stderr: " + r.err());
    return new String[] {r.out(), r.err()};
  }
}
