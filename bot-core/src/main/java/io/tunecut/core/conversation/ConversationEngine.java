package io.tunecut.core.conversation;

import io.tunecut.core.access.Access;
import io.tunecut.core.access.AccessRules;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.Handling;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageHandler;
import io.tunecut.core.render.PollSchedule;
import io.tunecut.core.render.RenderSignals;
import io.tunecut.core.fleet.RenderWatches;
import io.tunecut.core.fleet.TurnLeases;
import io.tunecut.core.language.Language;
import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.user.UserDirectory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation: routes each message (files, links, commands, keywords in English and
 * Chinese, anything else to a chat turn), runs one piece of work per person at a time, shows
 * progress in one status message, turns every failure into words, and delivers exports.
 *
 * <p>Nothing waits on a thread per person: chat turns are the client's async streams, timers
 * run on one shared scheduler, blocking backend calls and port calls each on a bounded pool.
 */
public final class ConversationEngine implements MessageHandler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

  private final Context ctx;
  private final boolean ownScheduler;
  private final People people;
  private final Replies replies;
  private final Lanes lanes;
  private final Progress progress;
  private final QuickCommands quick;
  private final ChatTurn turn;
  private final Upload upload;
  private final Export export;
  private final Resume resume;
  private final NextVideo next;
  private final Forecast forecast;
  private final QuickPreview preview;

  private ConversationEngine(Builder b) {
    Objects.requireNonNull(b.nemo, "nemo");
    Objects.requireNonNull(b.directory, "directory");
    String operatorToken = blankToNull(b.operatorToken);
    Path workDir;
    try {
      workDir = b.workDir != null ? b.workDir : Files.createTempDirectory("tunecut-work");
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the work directory: " + e.getMessage(), e);
    }
    ScheduledExecutorService scheduler = b.scheduler;
    this.ownScheduler = scheduler == null;
    if (ownScheduler) {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, threads("tunecut-timer"));
      s.setRemoveOnCancelPolicy(true);
      scheduler = s;
    }
    Timing timing = new Timing(b.renderTimeout, b.pollSchedule, b.dropCheckDelay, b.dropCheckInterval, b.dropChecks,
        b.silenceNotice, b.chatActionInterval, b.tick);
    this.ctx = new Context(b.nemo, b.directory, workDir, b.maxFileBytes, b.clock, scheduler,
        pool("tunecut-port", b.portThreads), backendPool(b.backendThreads), timing, b.renderWatches);
    this.people = new People(ctx, operatorToken, new Access(b.access, b.directory, b.clock));
    this.replies = new Replies(ctx, people, new ErrorReplies(operatorToken != null, b.maxFileBytes, b.registerPage));
    this.lanes = new Lanes(people, replies, b.turnLeases);
    RenderPace pace = new RenderPace();
    TimelinePictures pictures = new TimelinePictures(ctx, people, replies, b.timelinePictures);
    this.progress = new Progress(ctx, replies, pace);
    this.quick = new QuickCommands(ctx, people, replies, lanes, pictures);
    this.forecast = new Forecast(ctx, people, replies, pace);
    this.preview = new QuickPreview(ctx, people, replies, lanes);
    this.next = new NextVideo(ctx::deleteQuietly);
    this.export = new Export(ctx, people, replies, lanes, new Delivery(ctx, people, replies, lanes, next, b.signals),
        b.signals);
    this.turn = new ChatTurn(ctx, people, replies, lanes, export, pictures, forecast);
    this.upload = new Upload(ctx, people, replies, lanes, turn, next, pictures, b.directUpload);
    this.resume = new Resume(ctx, lanes, progress, export);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletableFuture<Void> handle(InboundMessage message, ChatPort port) {
    return handling(message, port).done();
  }

  @Override
  public Handling handling(InboundMessage message, ChatPort port) {
    try {
      // Who may, and as which person: before anything reaches the backend.
      Access.Admission admitted = people.access().admit(message);
      if (!admitted.proceeds()) {
        if (admitted.answer() == null) return Handling.of(CompletableFuture.completedFuture(null));
        return Handling.of(ctx.background(() -> replies.sendPrivately(port, message.chat(), admitted.answer())));
      }
      admitted.message().attachments().forEach(a -> a.source().prefetch());
      return dispatch(admitted.message(), port);
    } catch (RuntimeException e) {
      log.error("could not handle a message of {}", message.user(), e);
      return Handling.of(CompletableFuture.completedFuture(null));
    }
  }

  private Handling dispatch(InboundMessage message, ChatPort port) {
    Route route = Route.of(message);
    switch (route.kind()) {
      case HELP:
        return Handling.of(ctx.background(() -> quick.help(message, port)));
      case CANCEL:
        return Handling.of(ctx.background(() -> quick.cancel(message, port)));
      case CREDITS:
        return Handling.of(ctx.background(() -> quick.credits(message, port)));
      case STATUS:
        return Handling.of(ctx.background(() -> quick.status(message, port)));
      default:
        break;
    }
    Messages first = Messages.of(Language.detect(message.text(), message.locale(),
        Language.ofCode(ctx.directory().languageAtHand(message.user()))));
    ChatUser user = message.user();
    // A placeholder claims the person's lane before anything slow happens.
    Work placeholder = new Work(user, message.chat(), port, first, null);
    if (lanes.claim(placeholder) != null) {
      return Handling.of(ctx.background(() -> replies.send(port, message.chat(), people.say(message).busy(), List.of())));
    }
    StatusLine status = StatusLine.post(port, message.chat(), "⏳ " + first.working(), ctx.portPool(), ctx.scheduler());
    Work work = new Work(user, message.chat(), port, first, status);
    lanes.handOver(placeholder, work);
    progress.start(work);
    CompletableFuture<Void> outcome = CompletableFuture.runAsync(() -> work.say = people.say(message), ctx.backendPool())
        .thenCompose(v -> switch (route.kind()) {
          case NEW -> ctx.call(() -> newTimeline(work)).thenCompose(x -> lanes.finish(work, work.say.done()));
          case EXPORT -> forecast.before(work).thenCompose(x -> export.run(work));
          case PREVIEW -> preview.run(work);
          case UPLOAD -> upload.files(work, message.attachments(), route.text());
          case UPLOAD_URL -> upload.link(work, route.text());
          case ADD_TO_LAST -> upload.addToLast(work);
          default -> turn.run(work, route.text());
        });
    lanes.settle(work, outcome);
    return new Handling(work.answered, work.done);
  }

  private void newTimeline(Work work) throws IOException {
    people.newSession(work.user, work.say);
    next.started(work.user);
    replies.send(work, work.say.newSession());
  }

  /**
   * After a restart: picks up every render of {@code port}'s platform that was started and not
   * delivered, reports to the same status message and delivers. Completes when all are done.
   */
  public CompletableFuture<Void> resume(ChatPort port) {
    return resume.pending(port);
  }

  @Override
  public void close() {
    resume.stop();
    lanes.stopTickers();
    if (ownScheduler) ctx.scheduler().shutdownNow();
    ctx.portPool().shutdown();
    ctx.backendPool().shutdownNow();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static ExecutorService pool(String name, int threads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(name));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Blocking backend calls. A fork-join pool: a call waiting out the backend's rate limit blocks
   * in a managed way, and the pool lends another thread to everyone else meanwhile.
   */
  private static ExecutorService backendPool(int threads) {
    AtomicInteger n = new AtomicInteger();
    return new ForkJoinPool(threads, pool -> {
      ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      t.setName("tunecut-backend-" + n.incrementAndGet());
      return t;
    }, null, true);
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Everything but the backend and the directory has a default. */
  public static final class Builder {
    private NemoClient nemo;
    private UserDirectory directory;
    private String operatorToken;
    private Path workDir;
    private long maxFileBytes = 500L * 1024 * 1024;
    private URI registerPage;
    private Duration renderTimeout = Duration.ofMinutes(20);
    private PollSchedule pollSchedule = PollSchedule.DEFAULT;
    private RenderSignals signals = RenderSignals.NONE;
    private DirectUpload directUpload;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;
    private int portThreads = 16;
    private int backendThreads = 32;
    private Duration dropCheckDelay = Duration.ofSeconds(30);
    private Duration dropCheckInterval = Duration.ofSeconds(60);
    private int dropChecks = 5;
    private Duration silenceNotice = Duration.ofSeconds(20);
    private Duration chatActionInterval = Duration.ofMillis(4500);
    private Duration tick = Duration.ofSeconds(1);
    private AccessRules access = AccessRules.open();
    private boolean timelinePictures = true;
    private TurnLeases turnLeases;
    private RenderWatches renderWatches;

    private Builder() {}

    public Builder nemo(NemoClient nemo) { this.nemo = nemo; return this; }
    public Builder directory(UserDirectory directory) { this.directory = directory; return this; }
    /** Shared by everyone (each still gets their own session); null (the default) for none. The app passes {@code NEMO_TOKEN}. */
    public Builder operatorToken(String token) { this.operatorToken = token; return this; }
    /** Where downloads wait for upload or delivery; a temporary directory by default. */
    public Builder workDir(Path dir) { this.workDir = dir; return this; }
    /** Largest file accepted from a person; default 500 MB. */
    public Builder maxFileBytes(long bytes) { this.maxFileBytes = bytes; return this; }
    /**
     * The page where an anonymous person registers for more credits; out of credits, they get
     * it with {@code ?bind=<their backend user id>}. Not used with a backend that says it is a
     * tunecut studio: its credits are the day's render time. None by default: "top up".
     */
    public Builder registerPage(URI page) { this.registerPage = page; return this; }
    /** Longest wait for a render; default 20 minutes. */
    public Builder renderTimeout(Duration timeout) { this.renderTimeout = timeout; return this; }
    /** Render polls: 0.5 s growing to 15 s by default. */
    public Builder renderPollSchedule(PollSchedule schedule) { this.pollSchedule = schedule; return this; }
    /** What a backend in this process says of renders ending, and where their files are; none by default. */
    public Builder renderSignals(RenderSignals signals) { this.signals = Objects.requireNonNull(signals); return this; }
    /** A studio in this process takes attachments from disk instead of an upload over HTTP. */
    public Builder directUpload(DirectUpload directUpload) { this.directUpload = Objects.requireNonNull(directUpload); return this; }
    public Builder clock(Clock clock) { this.clock = clock; return this; }
    /** A shared scheduler for timers (not shut down by {@link #close()}); one of its own by default. */
    public Builder scheduler(ScheduledExecutorService scheduler) { this.scheduler = scheduler; return this; }
    /** Threads for platform calls; default 16. */
    public Builder portThreads(int threads) { this.portThreads = threads; return this; }
    /** Threads for blocking backend calls (a chat turn's stream holds none); default 32. */
    public Builder backendThreads(int threads) { this.backendThreads = threads; return this; }
    /** After a dropped stream: first state check after {@code first} (30 s), then every {@code every} (60 s), {@code checks} times (5). */
    public Builder dropChecks(Duration first, Duration every, int checks) {
      this.dropCheckDelay = first; this.dropCheckInterval = every; this.dropChecks = checks; return this;
    }
    /** Backend silence after which the status says "still working"; default 20 s. */
    public Builder silenceNotice(Duration silence) { this.silenceNotice = silence; return this; }
    /** How often the chat action is repeated; default 4.5 s. */
    public Builder chatActionInterval(Duration interval) { this.chatActionInterval = interval; return this; }
    /** How often progress is refreshed (elapsed time); default 1 s. */
    public Builder progressTick(Duration tick) { this.tick = tick; return this; }

    /** Who may use the bot and how much; everyone, without limits, by default. */
    public Builder access(AccessRules rules) { this.access = rules; return this; }
    /**
     * Whether the timeline's picture (where the backend draws one) follows every turn that
     * changed the timeline; default true. {@code /status} shows it either way.
     */
    public Builder timelinePictures(boolean afterEdits) { this.timelinePictures = afterEdits; return this; }
    /** When instances share a store: one turn per person across them. */
    public Builder turnLeases(TurnLeases leases) { this.turnLeases = leases; return this; }
    /** When instances share a store: one instance watches and delivers each render, another takes over if it stops. */
    public Builder renderWatches(RenderWatches watches) { this.renderWatches = watches; return this; }

    public ConversationEngine build() {
      return new ConversationEngine(this);
    }
  }
}
