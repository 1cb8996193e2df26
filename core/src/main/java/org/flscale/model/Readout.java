package org.flscale.model;

/** The linear readout {@code name = weight . layer}. */
public record Readout(String name, String weight, String layer, SourcePos pos) {}
