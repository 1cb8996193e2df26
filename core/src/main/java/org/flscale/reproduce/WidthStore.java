package org.flscale.reproduce;

import java.nio.file.Path;
import java.util.List;
import org.flscale.verify.JsonLinesStore;

/** A width sweep's cells.jsonl, kept as the verifier keeps its own: one {@link WidthRecord} a line. */
final class WidthStore extends JsonLinesStore<WidthRecord> {
  /** The finished chains only, the file left as it is (for --analyse while a run may still be appending to it). */
  static List<WidthRecord> read(Path dir, String model, String settings) {
    return JsonLinesStore.read(dir, WidthRecord.class, model, settings);
  }

  WidthStore(Path dir, String model, String settings, boolean resume) {
    super(dir, WidthRecord.class, model, settings, resume);
  }
}
