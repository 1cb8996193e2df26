package org.flscale.cli.verify;

/** How verify prints its report on stdout (the files in the results directory are always both). */
public enum OutputFormat {
  TEXT,
  JSON
}
