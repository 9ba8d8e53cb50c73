package io.tunecut.app;

import io.tunecut.app.config.Settings;
import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.fleet.AlbumParts;
import io.tunecut.core.fleet.RenderWatches;
import io.tunecut.core.fleet.TurnLeases;
import io.tunecut.core.fleet.UpdateClaims;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.user.UserDirectory;
import io.tunecut.studio.server.Studio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot as the operator runs it: the conversation engine, its user directory, and the
 * backend it talks to — the embedded studio unless {@code NEMO_API_URL} names another.
 */
public final class Bot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  private final Studio studio;
  private final UserDirectory directory;
  private final ConversationEngine engine;
  private final TurnLeases leases;
  private final RenderWatches watches;

  private Bot(Studio studio, UserDirectory directory, ConversationEngine engine, TurnLeases leases, RenderWatches watches) {
    this.studio = studio;
    this.directory = directory;
    this.engine = engine;
    this.leases = leases;
    this.watches = watches;
  }

  public static Bot start(Settings settings) throws IOException {
    Files.createDirectories(settings.dataDir());
    // The user directory (its store, its migrations) opens on another core while the studio starts.
    FutureTask<UserDirectory> opening = new FutureTask<>(() ->
        UserDirectory.open(settings.dataDir().resolve("bot"), settings.secret(), settings.databaseUrl()));
    Thread opener = new Thread(opening, "user-directory-open");
    opener.setDaemon(true);
    opener.start();
    Studio studio = null;
    UserDirectory directory = null;
    TurnLeases leases = null;
    RenderWatches watches = null;
    try {
      String baseUrl = settings.nemoApiUrl();
      if (settings.embeddedStudio()) {
        studio = StudioLauncher.start(settings, settings.studioHost(), settings.studioPort());
        baseUrl = studio.baseUrl().toString();
        log.info("embedded studio at {}", baseUrl);
      } else {
        log.info("backend at {}", baseUrl);
      }
      log.info("people out of credits are sent to {} unless the backend says it is a tunecut studio", settings.registerPage());
      NemoClient client = NemoClient.builder()
          .baseUrl(baseUrl)
          .attribution("tunecut", Version.current(), settings.skillPlatform())
          .rateLimitDelay(settings.rateLimitDelay())
          .build();
      directory = opened(opening);
      Path work = Files.createDirectories(settings.dataDir().resolve("work"));
      // On PostgreSQL other instances may share the store: turns are leased there, renders watched.
      if (settings.databaseUrl() != null) {
        leases = TurnLeases.in(directory.database());
        watches = RenderWatches.in(directory.database());
      }
      ConversationEngine.Builder builder = ConversationEngine.builder();
      // The embedded studio tells of a render's end at once and lends its file, and takes
      // attachments from disk: no wait, no copy over HTTP.
      if (studio != null) builder.renderSignals(new EmbeddedRenders(studio)).directUpload(new EmbeddedUploads(studio));
      ConversationEngine engine = builder
          .nemo(client)
          .directory(directory)
          .operatorToken(settings.nemoToken())
          .workDir(work)
          .maxFileBytes(settings.maxFileBytes())
          .registerPage(settings.registerPage())
          .access(settings.accessRules())
          .timelinePictures(settings.timelinePicturesAfterEdits())
          .turnLeases(leases)
          .renderWatches(watches)
          .build();
      return new Bot(studio, directory, engine, leases, watches);
    } catch (IOException | RuntimeException e) {
      if (watches != null) watches.close();
      if (leases != null) leases.close();
      if (directory == null) directory = openedQuietly(opening);
      if (directory != null) directory.close();
      if (studio != null) studio.close();
      throw e;
    }
  }

  private static UserDirectory opened(FutureTask<UserDirectory> opening) throws IOException {
    try {
      return opening.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the user directory opened", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IOException("the user directory could not open", e.getCause());
    }
  }

  /** The directory once it opened, to be closed after a failed start; null when it did not open. */
  private static UserDirectory openedQuietly(FutureTask<UserDirectory> opening) {
    try {
      return opened(opening);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  public ConversationEngine engine() {
    return engine;
  }

  /** The update claims of instances sharing the store, or null when this instance is alone (SQLite). */
  public UpdateClaims updateClaims() {
    return leases == null ? null : UpdateClaims.in(directory.database());
  }

  /** Where instances sharing the store gather albums, or null when this instance is alone (SQLite). */
  public AlbumParts albumParts() {
    return leases == null ? null : AlbumParts.in(directory.database());
  }

  /** Whether the user directory's store answers (within 2 s). */
  public boolean storeAnswers() {
    try (var connection = directory.database().getConnection()) {
      return connection.isValid(2);
    } catch (java.sql.SQLException | RuntimeException e) {
      log.warn("the user store does not answer: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    engine.close();
    // Watches go to the other instances only once this one stopped watching.
    if (watches != null) watches.close();
    if (leases != null) leases.close();
    directory.close();
    if (studio != null) studio.close();
  }
}
