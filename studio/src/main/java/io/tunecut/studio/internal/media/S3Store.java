package io.tunecut.studio.internal.media;

import io.tunecut.studio.server.MediaSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Media in an S3 bucket, under a prefix: the file {@code <dataDir>/media/u/f.mp4} is the
 * object {@code <prefix>/media/u/f.mp4}. Path-style requests, and checksums only where S3
 * requires them, so servers other than AWS (MinIO, Garage, Ceph, S3Proxy) work too.
 */
final class S3Store implements MediaStore {
  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final Path dataDir;
  private final String where;

  private S3Store(S3Client s3, String bucket, String prefix, Path dataDir, String where) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.dataDir = dataDir;
    this.where = where;
  }

  static S3Store open(MediaSettings settings, Path dataDir) {
    String rest = settings.url().substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
    if (bucket.isEmpty()) throw new IllegalArgumentException("TUNECUT_MEDIA_URL must name a bucket: s3://bucket/prefix");
    var builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofMinutes(2)))
        .region(Region.of(settings.region()))
        .forcePathStyle(true)
        // The SDK's default since 2.30 sends checksums that many S3 servers other than AWS refuse.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        // One retry policy for the store, ours (StoreRetries): the SDK's own would multiply it.
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .credentialsProvider(credentials(settings));
    if (settings.endpoint() != null) builder.endpointOverride(URI.create(settings.endpoint()));
    String where = "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix)
        + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
    return new S3Store(builder.build(), bucket, prefix, dataDir, where);
  }

  private static AwsCredentialsProvider credentials(MediaSettings settings) {
    if (settings.accessKey() == null) return DefaultCredentialsProvider.builder().build();
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
  }

  private String key(Path file) {
    String relative = dataDir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    if (relative.startsWith("..")) throw new IllegalArgumentException("not under the data directory: " + file);
    return prefix.isEmpty() ? relative : prefix + "/" + relative;
  }

  @Override
  public void save(Path file) throws IOException {
    try {
      s3.putObject(b -> b.bucket(bucket).key(key(file)), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw failure("could not keep " + file.getFileName() + " in ", e);
    }
  }

  @Override
  public boolean copy(Path file, Path copy) throws IOException {
    Files.createDirectories(copy.getParent());
    // Named for this copy alone: studios sharing a scratch directory may fetch the same file at once.
    Path part = copy.resolveSibling(copy.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      s3.getObject(b -> b.bucket(bucket).key(key(file)), ResponseTransformer.toFile(part));
      Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (SdkException e) {
      throw failure("could not fetch " + file.getFileName() + " from ", e);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  @Override
  public void list(Path directory, Consumer<Listed> each) throws IOException {
    String under = key(directory) + "/";
    try {
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(under)).contents()) {
        String relative = prefix.isEmpty() ? o.key() : o.key().substring(prefix.length() + 1);
        each.accept(new Listed(dataDir.resolve(relative), o.lastModified()));
      }
    } catch (SdkException e) {
      throw failure("could not list " + directory.getFileName() + " in ", e);
    }
  }

  @Override
  public void delete(Path file) throws IOException {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key(file)));
    } catch (SdkException e) {
      throw failure("could not delete " + file.getFileName() + " from ", e);
    }
  }

  @Override
  public boolean isDataDirectory() {
    return false;
  }

  /**
   * The SDK's failure in our words: a refusal the server will repeat (keys, permissions, no
   * bucket) is for the operator and not tried again; anything else may pass.
   */
  private IOException failure(String doing, SdkException e) {
    String message = doing + where + ": " + reason(e);
    if (e instanceof AbortedException) return new InterruptedIOException(message); // stopped here: never asked again
    if (e instanceof S3Exception s && s.statusCode() >= 400 && s.statusCode() < 500
        && s.statusCode() != 408 && s.statusCode() != 429) {
      MediaStoreException refused = new MediaStoreException(message);
      refused.initCause(e);
      return refused;
    }
    return new IOException(message, e);
  }

  @Override
  public Optional<Kept> find(Path file) throws IOException {
    if (Files.isRegularFile(file)) return new DirectoryStore(dataDir, dataDir).find(file);
    String key = key(file);
    HeadObjectResponse head;
    try {
      head = s3.headObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) return Optional.empty();
      throw failure("could not read " + file.getFileName() + " from ", e);
    } catch (SdkException e) {
      throw failure("could not read " + file.getFileName() + " from ", e);
    }
    return Optional.of(new Kept(head.contentLength(), offset -> read(key, offset, head.contentLength())));
  }

  private InputStream read(String key, long offset, long size) throws IOException {
    if (offset >= size) return InputStream.nullInputStream();
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key).range(offset > 0 ? "bytes=" + offset + "-" : null));
    } catch (SdkException e) {
      throw failure("could not read from ", e);
    }
  }

  @Override
  public void check() throws MediaStoreException {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      throw new MediaStoreException(switch (e.statusCode()) {
        case 403 -> "the S3 server refused the keys for " + where
            + ": check TUNECUT_S3_ACCESS_KEY_ID and TUNECUT_S3_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)";
        case 404 -> "there is no bucket " + bucket + " on " + where + ": create it, or fix TUNECUT_MEDIA_URL";
        default -> "the S3 server answered " + e.statusCode() + " for " + where + ": " + reason(e);
      });
    } catch (SdkClientException e) {
      throw new MediaStoreException("cannot use S3 " + where + ": " + reason(e)
          + " (check TUNECUT_S3_ENDPOINT, TUNECUT_S3_REGION and the keys)");
    } catch (SdkException e) {
      throw new MediaStoreException("cannot use S3 " + where + ": " + reason(e));
    }
  }

  /** The SDK's own words, without its request ids and stack. */
  private static String reason(SdkException e) {
    if (e instanceof S3Exception s) {
      if (s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null) {
        return s.awsErrorDetails().errorMessage();
      }
      return "the server answered " + s.statusCode();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int cut = message.indexOf(" (Service:");
    return cut > 0 ? message.substring(0, cut) : message;
  }

  @Override
  public void close() {
    s3.close();
  }
}
