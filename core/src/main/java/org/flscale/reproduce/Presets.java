package org.flscale.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where presets live and how a name finds them: presets/PAPER/NAME.json under the installation
 * (flscale.home) or the working directory. A name is PAPER/NAME (one preset), PAPER (all of that
 * paper's, in their order), or a path to a .json file.
 */
public final class Presets {
  /** A preset found: its name (PAPER/NAME) and file. */
  public record Found(String name, Path file) {}

  private final Path root;

  public Presets(Path root) {
    this.root = root;
  }

  /** presets/ of the installation, else ./presets. */
  public static Presets installed() {
    String home = System.getProperty("flscale.home");
    if (home != null && Files.isDirectory(Path.of(home, "presets"))) return new Presets(Path.of(home, "presets"));
    return new Presets(Path.of("presets"));
  }

  public Path root() {
    return root;
  }

  /** Every preset, by paper and order. */
  public List<Found> all() {
    if (!Files.isDirectory(root)) return List.of();
    List<Found> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root, 2)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().endsWith(".schema.json")).toList()) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        out.add(new Found(rel.substring(0, rel.length() - ".json".length()), f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing((Found f) -> f.name().contains("/") ? f.name().substring(0, f.name().indexOf('/')) : "")
        .thenComparingInt(f -> Preset.read(f.file()).order()).thenComparing(Found::name));
    return out;
  }

  /** The presets a name means; an {@link IllegalArgumentException} listing the known names when none matches. */
  public List<Found> resolve(String name) {
    Path asFile = Path.of(name);
    if (name.endsWith(".json") && Files.isRegularFile(asFile)) {
      String base = asFile.getFileName().toString();
      return List.of(new Found(base.substring(0, base.length() - ".json".length()), asFile));
    }
    List<Found> all = all();
    List<Found> exact = all.stream().filter(f -> f.name().equals(name)).toList();
    if (!exact.isEmpty()) return exact;
    List<Found> paper = all.stream().filter(f -> f.name().startsWith(name + "/")).toList();
    if (!paper.isEmpty()) return paper;
    throw new IllegalArgumentException("no preset '" + name + "' in " + root + "; known: "
        + String.join(", ", all.stream().map(Found::name).toList()) + " (flscale reproduce --list)");
  }
}
