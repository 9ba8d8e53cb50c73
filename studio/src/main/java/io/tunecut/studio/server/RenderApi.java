package io.tunecut.studio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tunecut.studio.internal.account.Quota;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.job.RenderQueue;
import io.tunecut.studio.internal.link.LinkSigner;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.store.RenderRecord;
import io.tunecut.studio.internal.store.RenderStatus;
import io.tunecut.studio.internal.store.SessionRecord;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/** Export, render polling, cancel and download, and the credits that pay for renders. */
final class RenderApi {
  /**
   * Said in the balance and when it runs out: clients of the cloud ignore it, ours then speak
   * of today's render time instead of sending people to register for credits.
   */
  static final String BACKEND = "tunecut-studio";

  private final Auth auth;
  private final SessionApi sessions;
  private final RenderQueue queue;
  private final Quota quota;
  private final LinkSigner links;
  private final MediaStore store;

  RenderApi(Auth auth, SessionApi sessions, RenderQueue queue, Quota quota, LinkSigner links, MediaStore store) {
    this.store = store;
    this.auth = auth;
    this.sessions = sessions;
    this.queue = queue;
    this.quota = quota;
    this.links = links;
  }

  /** {@code GET /api/credits/balance/simple}: render minutes left today. */
  void credits(Context ctx) {
    String user = auth.user(ctx);
    Quota.Balance b = quota.balance(user);
    ObjectNode data = Json.object();
    data.put("available", b.available());
    data.put("frozen", b.frozen());
    data.put("total", b.total());
    data.put("unit", "render minutes");
    data.put("daily_limit", quota.minutesPerDay());
    data.put("backend", BACKEND);
    Json.send(ctx, 200, Json.ok(data));
  }

  /** {@code POST /api/render/proxy/lambda} */
  void submit(Context ctx) {
    String user = auth.user(ctx);
    ObjectNode body = Json.body(ctx);
    SessionRecord s = sessions.owned(Json.text(body, "sessionId", "session_id"), user);
    String id = Json.text(body, "id");
    if (id == null) id = Ids.hex("render_", 10);
    // med_ is the media ids' prefix: links name files by id alone, so the two must never meet.
    if (!id.matches("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}") || id.startsWith("med_")) {
      throw ApiError.badRequest("a render id is 1–128 letters, digits, '_', '-' or '.', and does not start with med_");
    }
    JsonNode json = body.get("draft");
    if (json == null || json.isNull()) json = SessionApi.parse(s.draft());
    if (json.isTextual()) json = SessionApi.parse(json.asText());
    if (!json.isObject()) throw ApiError.badRequest("the draft must be a JSON object");
    Draft draft = Draft.read(json);
    if (!draft.canRender()) {
      throw ApiError.badRequest("the draft has no clip: a video needs at least one clip or picture; add one before exporting");
    }
    Set<String> known = sessions.mediaIds(s);
    for (String src : draft.sources()) {
      if (!known.contains(src)) throw ApiError.badRequest("the draft uses a file that is not in this session (" + src + ")");
    }
    double minutes = draft.renderMinutes();
    RenderRecord job = new RenderRecord(id, user, s.id(), json.toString(), RenderStatus.PENDING, 0, null, null,
        minutes, quota.today());
    // The check and the insert are one transaction on the store: they hold across studios.
    switch (queue.submit(job, quota.minutesPerDay())) {
      case OVER_QUOTA -> {
        Quota.Balance b = quota.balance(user);
        // Not 402: to the protocol that means "the plan cannot export", which is another story.
        throw new ApiError(ApiError.CREDITS, 403, String.format(Locale.ROOT,
            "not enough render minutes today: this render needs %.1f, %.1f of %.0f left", minutes, b.available(),
            quota.minutesPerDay()), Json.object().put("backend", BACKEND));
      }
      case DUPLICATE -> throw new ApiError(ApiError.BAD_REQUEST, 409,
          "duplicate render id: send the export again with a new id");
      default -> { }
    }
    Json.send(ctx, 200, shape(job));
  }

  /** {@code GET /api/render/proxy/lambda/<id>} */
  void poll(Context ctx) {
    Json.send(ctx, 200, shape(owned(ctx)));
  }

  /** {@code POST /api/render/proxy/lambda/<id>/cancel} */
  void cancel(Context ctx) {
    RenderRecord r = owned(ctx);
    queue.cancel(r.id());
    Json.send(ctx, 200, shape(queue.find(r.id()).orElse(r)));
  }

  /** {@code GET /api/render/proxy/<id>/download} */
  void download(Context ctx) throws IOException {
    RenderRecord r = owned(ctx);
    var file = queue.output(r);
    if (file.isEmpty() || !SignedFiles.serve(ctx, store, file.get(), "video/mp4", r.id() + ".mp4")) {
      throw new ApiError(ApiError.BAD_REQUEST, 409,
          "the render is " + r.status().stored() + ": there is nothing to download yet");
    }
  }

  private RenderRecord owned(Context ctx) {
    String user = auth.user(ctx);
    return queue.find(ctx.pathParam("id")).filter(r -> r.userId().equals(user))
        .orElseThrow(() -> new ApiError(ApiError.NOT_FOUND, 404, "render not found"));
  }

  /** Every field any documented client reads: envelope, data, and the same at the top level. */
  private ObjectNode shape(RenderRecord r) {
    ObjectNode data = Json.object();
    data.put("id", r.id());
    // The protocol knows four statuses: a cancel is a failure whose error says "cancelled".
    boolean cancelled = r.status() == RenderStatus.CANCELLED;
    data.put("status", cancelled ? RenderStatus.FAILED.stored() : r.status().stored());
    data.put("progress", Math.round(r.progress()));
    data.put("attempts", r.attempts());
    String url = queue.output(r).isPresent() ? links.link(r.id()) : null;
    if (url != null) {
      data.put("outputUrl", url);
      data.putObject("output").put("url", url);
      data.put("url", url);
    }
    if (r.error() != null || cancelled) data.put("error", cancelled ? "cancelled" : r.error());
    // Renders here are deterministic: a failed one fails again with the same timeline.
    if (r.status() == RenderStatus.FAILED || cancelled) data.put("retryable", false);
    ObjectNode root = Json.ok(data);
    root.put("success", true);
    data.fields().forEachRemaining(f -> root.set(f.getKey(), f.getValue()));
    return root;
  }
}
