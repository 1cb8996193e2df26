package org.flscale.model;

import java.util.List;
import java.util.Map;

/**
 * A hidden layer {@code name = [kind] activation(weights... input) option scale ...}. The kind
 * ("dense" when the file names none) and the options it takes are defined by the rules
 * (rules/layers.m); {@code options} maps each option to the scale it names, in the rules' order.
 */
public record Layer(String name, String kind, String activation, List<String> weights, String input,
    Map<String, String> options, SourcePos pos) {

  /** The scale of the layer's "width" option (its number of units feeding the readout). */
  public String width() {
    return options.get("width");
  }

  /** The first weight (the only one of a dense layer). */
  public String weight() {
    return weights.get(0);
  }

  public String option(String key) {
    return options.get(key);
  }

  public boolean isDense() {
    return kind.equals("dense");
  }
}
