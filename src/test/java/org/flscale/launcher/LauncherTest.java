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
    Files.createDirectories(home.resolve("src/main"));
    Files.createDirectories(home.resolve("grammar"));
    Files.createDirectories(home.resolve("examples"));
    Files.writeString(home.resolve("examples/three_layer_erf_he3.arch"), "model m\n");
    Files.writeString(home.resolve("pom.xml"), "<project/>\n");
    for (String p : List.of("src/main", "grammar", "pom.xml")) Files.setLastModifiedTime(home.resolve(p), FileTime.fromMillis(1_000_000_000_000L));
    bin = Files.createDirectories(home.resolve("bin"));
    // java: records an archive when asked to, else says it ran; every call is logged
    script("java", """
        echo "java $*" >> "$FAKE_LOG"
        for a in "$@"; do case "$a" in -XX:ArchiveClassesAtExit=*) echo archive > "${a#*=}";; esac; done
        echo ran""");
    // mvn: Maven's usual noise, then a jar (or a failure when FAKE_MVN_FAIL is set)
    script("mvn", """
        echo "[WARNING] Could not transfer metadata org.antlr:antlr4:4.13.2-SNAPSHOT/maven-metadata.xml"
        echo "file target/lib/x.jar already exists in destination" >&2
        if [ -n "${FAKE_MVN_FAIL:-}" ]; then echo "[ERROR] COMPILATION ERROR" >&2; exit 1; fi
        mkdir -p target && date +%s%N > target/flscale-0.1.0.jar""");
  }

  private void script(String name, String body) throws IOException {
    Path p = bin.resolve(name);
    Files.writeString(p, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Run(int status, String out, String err) {}

  private Run launch(String... env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("flscale").toString(), "derive", "x.arch");
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
    Path jar = home.resolve("target/flscale-0.1.0.jar");
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
    Files.delete(home.resolve("target/flscale-0.1.0.jar"));
    Run failed = launch("FAKE_MVN_FAIL", "1");
    assertEquals(1, failed.status());
    assertTrue(failed.err().contains("COMPILATION ERROR") && failed.err().contains("the build failed"), failed.err());
  }
}
