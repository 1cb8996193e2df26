package org.flscale.reproduce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One experiment of a paper as a file a user can rerun (presets/PAPER/NAME.json, described by
 * presets/preset.schema.json): the .arch file whose derivation gives flscale's exponent, the
 * paper's claim (data about the paper, shown beside the measurement and never an input to a
 * derivation), how the paper's sizes were scaled, its place in the paper's list (order: the
 * smallest runs first), and what to run: verify runs (their arguments) or
 * a width sweep, and how to analyse them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(value = {"$schema", "comment"})
public record Preset(int order, String title, String arch, PaperClaim paper, String scaled, List<VerifyRun> verify, Width width, Analysis analysis) {

  /** What the paper states: where, in words, and the claimed exponent of the measured quantity in {@code variable}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PaperClaim(String source, String claim, String variable, String exponent, String sizes) {}

  /** One `flscale verify` run: its arguments (file and output directory are the preset's), into out/label. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record VerifyRun(String label, List<String> args) {}

  /** A width sweep at fixed d and P = ratio d: the swept scale and its values, the sampler, the chains. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Width(String scale, List<Integer> values, int d, double ratio, double kappa, int seeds, List<String> starts, double time,
      int testSize, int probe) {}

  /**
   * How the results are read. kind "pstar": P_* against d at each threshold; "attention": P_*
   * against L at each d and the collapse against the derivation's closed form; "width": a count
   * (observable "outliers" or "specialised", of hidden layer {@code layer}) against the swept width,
   * compared with the exponent of the derivation's {@code parameter} (e.g. M1) in the swept scale,
   * for the winning pattern and for {@code pattern} when named; fit_from: the smallest width fitted
   * (a multiple of d); fit_to "peak": up to the width of the largest count (before a switch).
   * post_hoc_min_d: a second fit from this d up, chosen after seeing the data (post_hoc_why says
   * why); reported beside the full fit and labelled post hoc, never instead of it.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Analysis(String kind, List<Double> thresholds, Double primary, String observable, Integer layer, String parameter,
      String pattern, Double fitFrom, String fitTo, Integer postHocMinD, String postHocWhy) {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Reads a preset; a malformed one is an {@link IllegalArgumentException} naming the file, line and the problem. */
  public static Preset read(Path file) {
    Preset p;
    try {
      p = JSON.readValue(Files.readString(file), Preset.class);
    } catch (JsonMappingException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new IllegalArgumentException(file + where + ": " + e.getOriginalMessage().replaceAll("\\s*\\(.*", ""));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
    if (p.arch() == null || p.analysis() == null || p.paper() == null) {
      throw new IllegalArgumentException(file + ": a preset needs \"arch\", \"paper\" and \"analysis\"");
    }
    if ((p.verify() == null || p.verify().isEmpty()) == (p.width() == null)) {
      throw new IllegalArgumentException(file + ": a preset runs either \"verify\" (a list of runs) or one \"width\" sweep");
    }
    return p;
  }
}
