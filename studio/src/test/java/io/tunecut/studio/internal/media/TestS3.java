package io.tunecut.studio.internal.media;

import io.tunecut.studio.server.MediaSettings;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A real S3 server for tests, in this JVM (S3Proxy over memory), with one bucket: one per test JVM. */
public final class TestS3 {
  public static final String BUCKET = "tunecut-media";
  public static final String ACCESS_KEY = "studio-key";
  public static final String SECRET_KEY = "studio-secret-do-not-print";

  private static TestS3 shared;
  private final BlobStore blobs = new TransientNio2BlobStore();
  /** Keys whose next puts fail, and how many more will. */
  private final Map<String, AtomicInteger> failingPuts = new ConcurrentHashMap<>();
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
        .blobStore(new ForwardingBlobStore(blobs) {
          @Override
          public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
            failingPuts.forEach((prefix, left) -> {
              if (request.key().startsWith(prefix) && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw S3Exceptions.fromStatusCode(503); // a server that is away for now
              }
            });
            return super.putBlob(request, input);
          }
        })
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

  /** Makes the next {@code count} puts of keys under {@code prefix} fail (the server answers 503). */
  public void failPuts(String prefix, int count) {
    failingPuts.put(prefix, new AtomicInteger(count));
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
