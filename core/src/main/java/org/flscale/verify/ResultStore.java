package org.flscale.verify;

import java.nio.file.Path;

/** The verifier's cells.jsonl: one {@link CellRecord} a line ({@link JsonLinesStore} says how it is kept). */
public final class ResultStore extends JsonLinesStore<CellRecord> {
  public ResultStore(Path dir, String model, String settings, boolean resume) {
    super(dir, CellRecord.class, model, settings, resume);
  }
}
