package io.tunecut.studio.media;

import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A real S3 server for tests, in this JVM (S3Proxy over memory), with one bucket: one per test JVM. */
public final class TestS3 {
  public static final String BUCKET = "tunecut-media";
  public static final String ACCESS_KEY = "studio-key";
  public static final String SECRET_KEY = "studio-secret-do-not-print";

  private static TestS3 shared;
  private final BlobStore blobs = new TransientNio2BlobStore();
  private final S3Proxy proxy;

  /** The server, started at the first call; tests keep apart by prefix. */
  public static synchronized TestS3 shared() {
    if (shared == null) {
      shared = new TestS3();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  private TestS3() {
    blobs.createContainer(BUCKET);
    proxy = S3Proxy.builder()
        .blobStore(blobs)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    try {
      proxy.start();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** Media on this server under {@code prefix}, with the right keys. */
  public MediaSettings settings(String prefix) {
    return new MediaSettings("s3://" + BUCKET + "/" + prefix, endpoint(), "us-east-1", ACCESS_KEY, SECRET_KEY);
  }

  /** The objects in the bucket, by key. */
  public List<String> keys() {
    return blobs.list(BUCKET).contents().stream().map(S3Object::key).toList();
  }

  private void stop() {
    try {
      proxy.stop();
    } catch (Exception ignored) {
      // the JVM ends anyway
    }
  }
}
