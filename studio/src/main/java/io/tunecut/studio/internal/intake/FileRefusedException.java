package io.tunecut.studio.internal.intake;

/** A file the studio will not take, which one, and whether for its format or its content. */
public final class FileRefusedException extends Exception {
  /** Why: the kind of file (its extension), or what is inside (damaged, cut off, not media). */
  public enum Problem { FORMAT, UNREADABLE }

  private final String file;
  private final Problem problem;

  public FileRefusedException(String file, Problem problem, String reason) {
    super(reason);
    this.file = file;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  public Problem problem() {
    return problem;
  }
}
