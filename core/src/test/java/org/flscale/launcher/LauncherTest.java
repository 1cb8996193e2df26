package org.flscale.launcher;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ./flscale in a copy of the checkout with stand-ins for java and mvn (scripts that
 * log what they are asked): the class archive follows the jar, and Maven's chatter stays out of sight.
 */
class LauncherTest {
  @TempDir Path home;
  private Path bin;

  @BeforeEach
  void checkout() throws IOException {
    Files.copy(Path.of("flscale"), home.resolve("flscale"));
    Files.createDirectories(home.resolve("core/src/main"));
    Files.createDirectories(home.resolve("spark/src/main"));
    Files.createDirectories(home.resolve("grammar"));
    Files.createDirectories(home.resolve("examples"));
    Files.writeString(home.resolve("examples/three_layer_erf_he3.arch"), "model m\n");
    Files.writeString(home.resolve("pom.xml"), "<project/>\n");
    Files.writeString(home.resolve("core/pom.xml"), "<project/>\n");
    Files.writeString(home.resolve("spark/pom.xml"), "<project/>\n");
    for (String p : List.of("core/src/main", "spark/src/main", "grammar", "pom.xml", "core/pom.xml", "spark/pom.xml")) Files.setLastModifiedTime(home.resolve(p), FileTime.fromMillis(1_000_000_000_000L));
    bin = Files.createDirectories(home.resolve("bin"));
    // java: records an archive when asked to, else says it ran; every call is logged
    script("java", """
        echo "java $*" >> "$FAKE_LOG"
        for a in "$@"; do case "$a" in -XX:ArchiveClassesAtExit=*) echo archive > "${a#*=}";; esac; done
        echo ran""");
    // mvn: Maven's usual noise, then a jar (or a failure when FAKE_MVN_FAIL is set); -pl spark also the Spark module
    script("mvn", """
        echo "[WARNING] Could not transfer metadata org.antlr:antlr4:4.13.2-SNAPSHOT/maven-metadata.xml"
        echo "file target/lib/x.jar already exists in destination" >&2
        if [ -n "${FAKE_MVN_FAIL:-}" ]; then echo "[ERROR] COMPILATION ERROR" >&2; exit 1; fi
        echo "mvn $*" >> "$FAKE_LOG"
        mkdir -p core/target && date +%s%N > core/target/flscale-0.1.0.jar
        case " $* " in *" spark "*) mkdir -p spark/target/classes/flscale-spark && date +%s%N > spark/target/flscale-spark-0.1.0.jar
          echo "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true" > spark/target/classes/flscale-spark/java-options.txt;; esac""");
  }

  private void script(String name, String body) throws IOException {
    Path p = bin.resolve(name);
    Files.writeString(p, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Run(int status, String out, String err) {}

  private Run launch(String... env) throws Exception {
    return launchWith(List.of("derive", "x.arch"), env);
  }

  private Run launchWith(List<String> args, String... env) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", home.resolve("flscale").toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("FAKE_LOG", home.resolve("calls.log").toString());
    for (int i = 0; i + 1 < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
    Path out = home.resolve("out.txt"), err = home.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finishes");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private long archiveRecordings() throws IOException {
    Path log = home.resolve("calls.log");
    return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("ArchiveClassesAtExit")).count() : 0;
  }

  @Test
  void aStaleArchiveIsRecordedAnewAndAFreshOneKept() throws Exception {
    assertEquals(0, launch().status());                     // builds, records the archive
    assertEquals(1, archiveRecordings());
    assertEquals(0, launch().status());                     // same jar: the archive is used as it is
    assertEquals(1, archiveRecordings());
    Path jar = home.resolve("core/target/flscale-0.1.0.jar");
    Files.writeString(jar, "another build, as mvn verify leaves it\n");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    Run r = launch();
    assertEquals(0, r.status());
    assertEquals(2, archiveRecordings(), "a new jar gets a new archive");
    assertTrue(Files.readString(home.resolve("calls.log")).lines().reduce((a, b) -> b).orElseThrow().contains("-XX:SharedArchiveFile="));
  }

  @Test
  void mavensNoiseShowsOnlyWhenTheBuildFails() throws Exception {
    Run ok = launch();
    assertEquals(0, ok.status(), ok.err());
    assertEquals("flscale: building (mvn package)...", ok.err().trim());
    assertEquals("ran", ok.out().trim());
    Files.delete(home.resolve("core/target/flscale-0.1.0.jar"));
    Run failed = launch("FAKE_MVN_FAIL", "1");
    assertEquals(1, failed.status());
    assertTrue(failed.err().contains("COMPILATION ERROR") && failed.err().contains("the build failed"), failed.err());
  }

  /** A java that has the Vector API module and, for verify, prints the JVM's notice first, as a real one does. */
  private void vectorJava(String then) throws IOException {
    script("java", """
        if [ "$1" = "--list-modules" ]; then echo "jdk.incubator.vector@17"; exit 0; fi
        echo "java $*" >> "$FAKE_LOG"
        case " $* " in *" verify "*) ;; *) exit 0;; esac # the class archive's recording run
        echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
        echo "verify progress" >&2
        echo "verify result"
        """ + then);
  }

  @Test
  void verifyDropsTheIncubatorNoticeAndKeepsEverythingElseAndTheStatus() throws Exception {
    vectorJava("exit 3");
    Run r = launchWith(List.of("verify", "x.arch"));
    assertEquals(3, r.status(), r.err());
    assertEquals("verify result\n", r.out());
    assertTrue(r.err().endsWith("verify progress\n") && !r.err().contains("incubator"), r.err());
    assertTrue(Files.readString(home.resolve("calls.log")).contains("--add-modules jdk.incubator.vector"));
  }

  @Test
  void theLauncherEndsOnlyWhenTheLastOfTheJvmsStderrIsThrough() throws Exception {
    vectorJava("for i in $(seq 1 3000); do echo \"line $i\" >&2; done; printf 'no newline' >&2");
    for (int run = 0; run < 3; run++) {
      Run r = launchWith(List.of("verify", "x.arch"));
      assertEquals(0, r.status(), r.err());
      assertTrue(r.err().endsWith("line 3000\nno newline"), r.err().substring(Math.max(0, r.err().length() - 200)));
    }
  }

  @Test
  void aSignalToTheLauncherEndsTheVerifyJvm() throws Exception {
    vectorJava("exec sleep 60");
    List<String> cmd = List.of("bash", home.resolve("flscale").toString(), "verify", "x.arch");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("FAKE_LOG", home.resolve("calls.log").toString());
    Process p = pb.redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<ProcessHandle> jvm = List.of();
    while (jvm.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      jvm = p.toHandle().descendants().filter(h -> h.info().command().orElse("").endsWith("sleep")).toList();
    }
    assertEquals(1, jvm.size(), "the stand-in JVM runs under the launcher");
    long pid = p.pid();
    while (!catchesTerm(pid) && System.nanoTime() < deadline) Thread.sleep(20); // the launcher's trap is set (it is, before the JVM starts)
    p.toHandle().destroy(); // SIGTERM to the launcher alone, as kill sends it
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the launcher ended");
    assertEquals(128 + 15, p.exitValue(), "the launcher's status is the JVM's, ended by TERM");
    assertTrue(jvm.get(0).onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join() != null && !jvm.get(0).isAlive(),
        "the JVM ended with the launcher");
  }

  /** Whether the process has a handler for SIGTERM (bit 15 of SigCgt in /proc/PID/status). */
  private static boolean catchesTerm(long pid) throws IOException {
    String caught = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("SigCgt:")).findFirst().orElse("SigCgt: 0");
    return (Long.parseLong(caught.substring(7).trim(), 16) & (1L << 14)) != 0;
  }

  @Test
  void theSparkEngineBuildsItsModuleAndRunsWithItsFlags() throws Exception {
    assertEquals(0, launch().status());
    String core = Files.readString(home.resolve("calls.log"));
    assertTrue(core.contains("-pl core -am package"), "a derivation builds the core alone: " + core);
    Run r = launchWith(List.of("verify", "x.arch", "--engine", "spark"));
    assertEquals(0, r.status(), r.err());
    List<String> calls = Files.readAllLines(home.resolve("calls.log"));
    assertTrue(calls.stream().anyMatch(l -> l.startsWith("mvn") && l.contains("-pl spark -am package")), String.join("\n", calls));
    String last = calls.get(calls.size() - 1);
    assertTrue(last.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED") && last.contains("org.flscale.cli.Main verify x.arch --engine spark")
        && last.contains(home + "/spark/target/flscale-spark-0.1.0.jar:" + home + "/spark/target/lib/* org.flscale.cli.Main"), last);
    launchWith(List.of("verify", "x.arch", "--engine", "spark"));
    assertEquals(1, Files.readAllLines(home.resolve("calls.log")).stream().filter(l -> l.contains("-pl spark")).count(), "built once");
  }
}
