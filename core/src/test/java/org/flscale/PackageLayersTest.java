package org.flscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the pipeline, and none uses one above it: math and progress at the bottom;
 * the typed model and the exact solver; the parser and the rules; the derivation; its reports; the
 * verifiers and the other theories' engines; the regression suite over all of them; the commands on top. A new
 * package gets its layer here.
 */
class PackageLayersTest {
  static final Map<String, Integer> LAYER = Map.ofEntries(
      Map.entry("math", 0), Map.entry("progress", 0),
      Map.entry("model", 1), Map.entry("solve", 1),
      Map.entry("parse", 2), Map.entry("rules", 2),
      Map.entry("derive", 3),
      Map.entry("report", 4),
      Map.entry("verify", 5), Map.entry("springblock", 5), Map.entry("adaptive", 5), Map.entry("dynamics", 5),
      Map.entry("suite", 6), Map.entry("reproduce", 6),
      Map.entry("cli", 7));

  private static final Pattern USE = Pattern.compile("org\\.flscale\\.([a-z]+)\\.");

  @Test
  void noPackageUsesOneAboveIt() throws Exception {
    Path root = Path.of("core/src/main/java/org/flscale");
    List<String> wrong = new ArrayList<>();
    try (var files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(f).getName(0).toString();
        Integer mine = LAYER.get(pkg);
        assertNotNull(mine, "package " + pkg + " has no layer in PackageLayersTest.LAYER");
        Matcher m = USE.matcher(Files.readString(f));
        while (m.find()) {
          Integer theirs = LAYER.get(m.group(1));
          if (theirs == null || m.group(1).equals(pkg)) continue;
          if (theirs >= mine) wrong.add(root.relativize(f) + " uses org.flscale." + m.group(1));
        }
      }
    }
    assertEquals(List.of(), wrong.stream().distinct().toList());
  }
}
