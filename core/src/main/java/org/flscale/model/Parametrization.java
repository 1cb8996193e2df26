package org.flscale.model;

import org.flscale.math.Affine;

/**
 * The parametrization name as written (e.g. standard, mean_field, chi) and where. For {@code
 * parametrization chi = N^(1/2)} (the readout's prior variance g_a/(chi N)), {@code chi} is chi's
 * exponent in the base and the free scales and {@code chiText} how the file wrote it; both are null
 * for the named parametrizations (standard is chi = 1, mean_field chi = the last width).
 */
public record Parametrization(String name, SourcePos pos, Affine chi, String chiText) {
  /** The name of the parametrization that carries an explicit chi. */
  public static final String CHI = "chi";

  public Parametrization(String name, SourcePos pos) {
    this(name, pos, null, null);
  }

  public boolean hasChi() {
    return chi != null;
  }

  /** How the report names it: "standard", "mean_field", "chi = N^(1/2)". */
  public String display() {
    return hasChi() ? CHI + " = " + chiText : name;
  }
}
