package org.flscale.model;

/** Where something was written: file, 1-based line, 1-based column. */
public record SourcePos(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
