package io.tunecut.core.nemo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.core.nemo.RenderStatus.Phase;
import java.util.Locale;

/** Reads a render answer (start or poll), wrapped in {@code data} or not. */
final class RenderStatusReader {
  private RenderStatusReader() {}

  static RenderStatus read(JsonNode node, String renderId) {
    if (node != null && node.isObject() && node.path("data").isObject()) {
      node = node.get("data");
    }
    String id = Fields.text(node, "id", "renderId", "render_id");
    String url = Fields.text(node, "outputUrl", "output_url");
    if (url == null) {
      JsonNode output = Fields.first(node, "output");
      url = output != null && output.isObject() ? Fields.text(output, "url") : Fields.text(node, "output");
    }
    if (url == null) {
      url = Fields.text(node, "url");
    }
    String error = Fields.message(Fields.first(node, "error", "errorMessage", "error_message"));
    double progressValue = Fields.number(node, "progress");
    Phase phase = phase(Fields.text(node, "status", "state"), url, error, progressValue);
    int progress = Double.isNaN(progressValue) ? 0 : (int) Math.round(Math.max(0, Math.min(100, progressValue)));
    if (phase == Phase.COMPLETED) {
      progress = 100;
    }
    JsonNode retryable = node == null ? null : node.get("retryable");
    return new RenderStatus(id == null ? renderId : id, phase, progress, url, phase == Phase.FAILED ? error : null,
        retryable == null || !retryable.isBoolean() || retryable.booleanValue());
  }

  private static Phase phase(String status, String url, String error, double progress) {
    if (status != null) {
      switch (status.strip().toLowerCase(Locale.ROOT)) {
        case "pending": case "queued": case "waiting": case "created": case "submitted": case "accepted":
          return Phase.PENDING;
        case "processing": case "running": case "rendering": case "in_progress": case "in-progress":
        case "started": case "progress":
          return Phase.PROCESSING;
        case "completed": case "complete": case "done": case "success": case "succeeded": case "finished":
        case "ready":
          return Phase.COMPLETED;
        case "failed": case "failure": case "error": case "errored": case "cancelled": case "canceled":
        case "timeout": case "timed_out":
          return Phase.FAILED;
        default:
          break;
      }
    }
    if (error != null) {
      return Phase.FAILED;
    }
    if (url != null) {
      return Phase.COMPLETED;
    }
    return !Double.isNaN(progress) && progress > 0 ? Phase.PROCESSING : Phase.PENDING;
  }
}
