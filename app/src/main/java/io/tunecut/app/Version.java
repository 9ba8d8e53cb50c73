package io.tunecut.app;

/** tunecut's version, as the build wrote it into the jar; sent in X-Skill-Version. */
public final class Version {
  private Version() {}

  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
