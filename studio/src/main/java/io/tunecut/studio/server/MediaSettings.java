package io.tunecut.studio.server;

import java.time.Duration;
import java.util.Map;

/**
 * Where media and renders are kept ({@code TUNECUT_MEDIA_URL}): null for the data directory
 * (one machine, nothing to set up), {@code s3://bucket/prefix} for an S3 bucket that every
 * studio shares, or another directory (a shared mount).
 *
 * @param endpoint the S3 server ({@code TUNECUT_S3_ENDPOINT}); null for AWS itself
 * @param region {@code TUNECUT_S3_REGION}; us-east-1 when not set
 * @param accessKey {@code TUNECUT_S3_ACCESS_KEY_ID}; null for the AWS default chain
 *     ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profiles, instance roles)
 * @param secretKey {@code TUNECUT_S3_SECRET_ACCESS_KEY}; never printed
 * @param copies how much each studio keeps of its copies of media kept elsewhere
 */
public record MediaSettings(String url, String endpoint, String region, String accessKey, String secretKey,
    Copies copies) {
  public static final MediaSettings DATA_DIRECTORY = new MediaSettings(null, null, null, null, null);

  /**
   * The bounds of one studio's copies (media it fetched to analyse, draw or preview, uploads
   * it took, videos it fetched for a bot), when the store is elsewhere.
   *
   * @param maxBytes what the copies not in use may take on this disk ({@code TUNECUT_MEDIA_COPIES_MB})
   * @param inUseFor how long after its last use a copy still counts as in use, never removed
   * @param unusedFor a copy not used this long goes, even when its media are still kept
   * @param every how often the studio looks at its copies
   */
  public record Copies(long maxBytes, Duration inUseFor, Duration unusedFor, Duration every) {
    public static final Copies DEFAULT =
        new Copies(10_240L * 1024 * 1024, Duration.ofMinutes(30), Duration.ofDays(1), Duration.ofMinutes(1));

    public Copies {
      if (maxBytes < 0) throw new IllegalArgumentException("TUNECUT_MEDIA_COPIES_MB cannot be negative");
    }

    /** The default bounds with {@code megabytes} for the copies. */
    public static Copies ofMegabytes(long megabytes) {
      return new Copies(megabytes * 1024 * 1024, DEFAULT.inUseFor, DEFAULT.unusedFor, DEFAULT.every);
    }
  }

  public MediaSettings(String url, String endpoint, String region, String accessKey, String secretKey) {
    this(url, endpoint, region, accessKey, secretKey, Copies.DEFAULT);
  }

  public MediaSettings {
    if (copies == null) copies = Copies.DEFAULT;
    url = blankToNull(url);
    endpoint = blankToNull(endpoint);
    region = blankToNull(region) == null ? "us-east-1" : region.strip();
    accessKey = blankToNull(accessKey);
    secretKey = blankToNull(secretKey);
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException(
          "TUNECUT_S3_ACCESS_KEY_ID and TUNECUT_S3_SECRET_ACCESS_KEY are set together or not at all");
    }
  }

  public static MediaSettings fromEnvironment(Map<String, String> env) {
    String megabytes = blankToNull(env.get("TUNECUT_MEDIA_COPIES_MB"));
    Copies copies;
    try {
      copies = megabytes == null ? Copies.DEFAULT : Copies.ofMegabytes(Long.parseLong(megabytes));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TUNECUT_MEDIA_COPIES_MB must be a whole number of megabytes: " + megabytes);
    }
    return new MediaSettings(env.get("TUNECUT_MEDIA_URL"), env.get("TUNECUT_S3_ENDPOINT"),
        env.get("TUNECUT_S3_REGION"), env.get("TUNECUT_S3_ACCESS_KEY_ID"), env.get("TUNECUT_S3_SECRET_ACCESS_KEY"),
        copies);
  }

  /** These settings with {@code copies} for the bounds of this studio's copies. */
  public MediaSettings withCopies(Copies copies) {
    return new MediaSettings(url, endpoint, region, accessKey, secretKey, copies);
  }

  public boolean s3() {
    return url != null && url.startsWith("s3://");
  }

  @Override
  public String toString() {
    return "MediaSettings[url=" + url + ", endpoint=" + endpoint + ", region=" + region
        + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? null : "***") + ", copies=" + copies + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
