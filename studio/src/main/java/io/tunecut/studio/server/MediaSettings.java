package io.tunecut.studio.server;

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
 */
public record MediaSettings(String url, String endpoint, String region, String accessKey, String secretKey) {
  public static final MediaSettings DATA_DIRECTORY = new MediaSettings(null, null, null, null, null);

  public MediaSettings {
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
    return new MediaSettings(env.get("TUNECUT_MEDIA_URL"), env.get("TUNECUT_S3_ENDPOINT"),
        env.get("TUNECUT_S3_REGION"), env.get("TUNECUT_S3_ACCESS_KEY_ID"), env.get("TUNECUT_S3_SECRET_ACCESS_KEY"));
  }

  public boolean s3() {
    return url != null && url.startsWith("s3://");
  }

  @Override
  public String toString() {
    return "MediaSettings[url=" + url + ", endpoint=" + endpoint + ", region=" + region
        + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? null : "***") + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
