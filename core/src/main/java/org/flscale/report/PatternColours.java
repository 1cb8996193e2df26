package org.flscale.report;

import java.awt.Color;
import java.util.List;

/**
 * One colour per pattern name, the same in every diagram of every file: the name "Spec-GP" is read
 * as a number in base 4 (GP, Spec, Mag, GFL per hidden layer, the first layer the lowest digit),
 * so every name of one and two hidden layers has a colour of its own, the lazy GP (all layers lazy)
 * is always the first one, and deeper names share the 20 colours as evenly as the palette allows.
 */
final class PatternColours {
  private static final List<String> PATTERNS = List.of("GP", "Spec", "Mag", "GFL");

  // light colours that keep dark text readable (ColorBrewer Paired, Set3 and Pastel1, light members)
  private static final Color[] PALETTE = {
      new Color(0xD9D9D9), new Color(0xB2DF8A), new Color(0xFDBF6F), new Color(0xCAB2D6),
      new Color(0xA6CEE3), new Color(0xFB9A99), new Color(0xFFFF99), new Color(0x8DD3C7),
      new Color(0xBEBADA), new Color(0xFCCDE5), new Color(0xCCEBC5), new Color(0xFFED6F),
      new Color(0x80B1D3), new Color(0xFDB462), new Color(0xB3DE69), new Color(0xE5D8BD),
      new Color(0xDECBE4), new Color(0xFED9A6), new Color(0xF2F2F2), new Color(0xB3CDE3)};

  private PatternColours() {}

  static Color of(String label) {
    return PALETTE[index(label) % PALETTE.length];
  }

  /** The name as a number: digit l is layer l's pattern (a pattern the rules add later: a digit past GFL). */
  static int index(String label) {
    int index = 0, weight = 1;
    for (String layer : label.split("-")) {
      int digit = PATTERNS.indexOf(layer);
      if (digit < 0) digit = PATTERNS.size() + Math.floorMod(layer.hashCode(), PALETTE.length);
      index += digit * weight;
      weight *= PATTERNS.size();
    }
    return index;
  }
}
