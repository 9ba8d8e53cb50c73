package io.tunecut.studio.internal.job;

import io.tunecut.studio.server.QueueSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.media.StoreRetries;
import io.tunecut.studio.internal.media.TestS3;
import io.tunecut.studio.internal.render.RenderCancelledException;
import io.tunecut.studio.internal.render.RenderFailedException;
import io.tunecut.studio.internal.render.Renderer;
import io.tunecut.studio.internal.store.Database;
import io.tunecut.studio.internal.store.MediaLibrary;
import io.tunecut.studio.internal.store.MediaRecord;
import io.tunecut.studio.internal.store.RenderJobs;
import io.tunecut.studio.internal.store.RenderRecord;
import io.tunecut.studio.internal.store.RenderStatus;
import io.tunecut.studio.internal.store.SessionRecord;
import io.tunecut.studio.internal.store.Sessions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose media is in a bucket (a real S3 server in this JVM) and whose disk is its
 * own: it renders from copies it drops when the render ends, however it ends, and a bucket
 * that fails it puts the render back in the queue instead of failing it.
 */
class WorkerOnS3Test {
  private static final TestS3 s3 = TestS3.shared();
  private static final byte[] CLIP = "the clip's bytes".getBytes();

  @TempDir Path apiDir;
  @TempDir Path workerDir;
  private final String prefix = "worker-" + UUID.randomUUID();
  private Database db;
  private RenderJobs jobs;
  private MediaStore store;
  private RenderQueue queue;
  /** What each render did, by render id: its inputs, as the renderer saw them. */
  private final Map<String, List<Path>> inputs = new ConcurrentHashMap<>();
  private final List<RenderStatus> ended = new CopyOnWriteArrayList<>();

  @BeforeEach
  void upload() throws IOException {
    db = new Database(apiDir.resolve("studio.db"));
    jobs = new RenderJobs(db);
    Path clip = apiDir.resolve("media/usr_1/med_a-beach.mp4");
    Files.createDirectories(clip.getParent());
    Files.write(clip, CLIP);
    try (MediaStore api = MediaStore.open(s3.settings(prefix), apiDir)) {
      api.save(clip);
    }
    new Sessions(db).create(new SessionRecord("ses_1", "usr_1", "task_1", "en", "{}"));
    MediaInfo info = new MediaInfo(MediaKind.VIDEO, 2, 320, 240, 25, 0, 0, "h264", null, "mov");
    new MediaLibrary(db, apiDir).add(new MediaRecord(new Media("med_a", "beach.mp4", info, clip), "ses_1", "usr_1",
        "hash", CLIP.length));
    store = MediaStore.open(s3.settings(prefix), workerDir);
  }

  @AfterEach
  void close() {
    if (queue != null) queue.close();
    store.close();
    db.close();
  }

  /** A worker whose renders write their clip back out, fail, or wait to be cancelled, by render id. */
  private RenderQueue worker() throws IOException {
    Renderer renderer = (draft, media, output, progress) -> {
      String id = output.getParent().getFileName().toString().replaceAll("-\\d+$", "");
      List<Path> files = media.values().stream().map(Media::file).toList();
      inputs.put(id, files);
      if (id.startsWith("render_bad")) throw new RenderFailedException("the draft cannot be rendered");
      if (id.startsWith("render_cancel")) {
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          throw new RenderCancelledException();
        }
      }
      try {
        Files.write(output, Files.readAllBytes(files.get(0)));
      } catch (IOException e) {
        throw new RenderFailedException("cannot write", e);
      }
    };
    queue = new RenderQueue(db, jobs, new MediaLibrary(db, workerDir), store, renderer, BeforeRender.NOTHING,
        workerDir, QueueSettings.of(1).withStoreRetry(Duration.ofMillis(100)), new SimpleMeterRegistry());
    queue.onEnded((id, status) -> ended.add(status));
    return queue;
  }

  private void submit(String id) {
    assertThat(queue.submit(new RenderRecord(id, "usr_1", "ses_1", "{}", RenderStatus.PENDING, 0, null, null, 0.1,
        "2026-01-01"))).isTrue();
  }

  private RenderRecord awaitEnd(String id) {
    await().atMost(Duration.ofSeconds(30)).until(() -> queue.find(id).map(RenderRecord::finished).orElse(false));
    return queue.find(id).orElseThrow();
  }

  private List<String> renderKeys() {
    return s3.keys().stream().filter(k -> k.startsWith(prefix + "/renders/")).toList();
  }

  private static boolean empty(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return true;
    try (Stream<Path> all = Files.list(dir)) {
      return all.findAny().isEmpty();
    }
  }

  @Test
  void aVideoTheBucketRefusesToKeepIsRenderedAgainAndReachesThePersonOnce() throws Exception {
    // One more failure than the store's own retries absorb: the first attempt cannot keep its video.
    s3.failPuts(prefix + "/renders/", StoreRetries.ATTEMPTS + 1);
    worker().resume();
    submit("render_kept");

    RenderRecord done = awaitEnd("render_kept");
    assertThat(done.status()).isEqualTo(RenderStatus.COMPLETED);
    assertThat(done.attempts()).as("the attempt the bucket failed, and the one it kept").isEqualTo(2);
    assertThat(ended).as("the person never heard of a failure").containsExactly(RenderStatus.COMPLETED);
    assertThat(renderKeys()).containsExactly(prefix + "/renders/render_kept-2.mp4");
    Path output = queue.output(done).orElseThrow();
    try (InputStream in = store.find(output).orElseThrow().stream()) {
      assertThat(in.readAllBytes()).isEqualTo(CLIP);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> empty(workerDir.resolve("scratch")));
    assertThat(workerDir.resolve("renders")).as("the worker keeps no video: the bucket has it").isEmptyDirectory();
  }

  @Test
  void aRendersCopiesOfItsClipsGoWhenItCompletesFailsOrIsCancelled() throws Exception {
    worker().resume();
    Path scratch = workerDir.resolve("scratch");

    submit("render_ok");
    assertThat(awaitEnd("render_ok").status()).isEqualTo(RenderStatus.COMPLETED);
    assertThat(inputs.get("render_ok")).singleElement().satisfies(input -> {
      assertThat(input.startsWith(scratch.resolve("render_ok-1"))).as("rendered from a copy in its scratch").isTrue();
      assertThat(input.getFileName()).hasToString("med_a-beach.mp4");
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> empty(scratch));

    submit("render_bad");
    assertThat(awaitEnd("render_bad").status()).isEqualTo(RenderStatus.FAILED);
    await().atMost(Duration.ofSeconds(5)).until(() -> empty(scratch));

    submit("render_cancel");
    await().atMost(Duration.ofSeconds(10)).until(() -> inputs.containsKey("render_cancel"));
    assertThat(scratch.resolve("render_cancel-1")).as("its copy, while it runs").isNotEmptyDirectory();
    assertThat(queue.cancel("render_cancel")).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> empty(scratch));

    assertThat(renderKeys()).containsExactly(prefix + "/renders/render_ok-1.mp4");
    assertThat(workerDir.resolve("renders")).isEmptyDirectory();
    assertThat(workerDir.resolve("media")).as("nothing copied outside scratch").doesNotExist();
  }

  @Test
  void whatAWorkerKilledMidRenderLeftIsDroppedAtItsNextStart() throws Exception {
    // A render this worker was killed in, finished since on another worker; one whose row is gone.
    submitDirectly("render_moved_on", RenderStatus.COMPLETED, 2);
    for (String left : List.of("scratch/render_moved_on-1/med_a-beach.mp4", "scratch/render_moved_on-1/render_moved_on-1.part.mp4",
        "renders/render_moved_on-1.mp4", "scratch/render_forgotten-3/med_a-beach.mp4")) {
      Path file = workerDir.resolve(left);
      Files.createDirectories(file.getParent());
      Files.write(file, CLIP);
    }
    worker().resume();
    assertThat(workerDir.resolve("scratch")).isEmptyDirectory();
    assertThat(workerDir.resolve("renders")).isEmptyDirectory();
  }

  @Test
  void anAttemptStillRunningOnASharedDiskKeepsItsScratch() throws IOException {
    Scratch scratch = new Scratch(workerDir, workerDir.resolve("renders"), true);
    Path running = scratch.open("render_elsewhere", 2);
    Path stale = scratch.open("render_gone", 1);
    Files.write(running.resolve("clip.mp4"), CLIP);
    Files.write(stale.resolve("clip.mp4"), CLIP);
    assertThat(scratch.recover((id, attempt) -> id.equals("render_elsewhere") && attempt == 2)).isEqualTo(1);
    assertThat(running.resolve("clip.mp4")).exists();
    assertThat(stale).doesNotExist();
    assertThat(scratch.open("render_elsewhere", 3)).as("a later attempt drops the earlier one's").isEmptyDirectory();
    assertThat(running).doesNotExist();
  }

  private void submitDirectly(String id, RenderStatus status, int attempts) {
    jobs.insert(new RenderRecord(id, "usr_1", "ses_1", "{}", RenderStatus.PENDING, 0, null, null, 0.1, "2026-01-01"));
    db.update("UPDATE renders SET status = ?, attempts = ?, output = ? WHERE id = ?", status.stored(), attempts,
        "renders/" + id + "-" + attempts + ".mp4", id);
  }
}
