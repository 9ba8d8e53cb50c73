package io.tunecut.studio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The protocol as a plain HTTP client sees it, for tests. */
final class StudioHttp {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final MediaType JSON = MediaType.get("application/json");
  static final OkHttpClient CLIENT = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();

  final String base;

  StudioHttp(URI base) {
    this.base = base.toString();
  }

  /** An answer: HTTP status, the body as text and, when it is JSON, parsed. */
  record Answer(int status, String body, JsonNode json, okhttp3.Headers headers) {
    JsonNode data() {
      return json.path("data");
    }

    int code() {
      return json.path("code").asInt(-1);
    }
  }

  Answer send(Request request) {
    try (Response r = CLIENT.newCall(request).execute()) {
      String body = r.body().string();
      JsonNode json = null;
      try {
        json = body.isEmpty() ? null : MAPPER.readTree(body);
      } catch (IOException notJson) {
        // keep the text
      }
      return new Answer(r.code(), body, json, r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] bytes(String url) {
    try (Response r = CLIENT.newCall(request(url, null).build()).execute()) {
      if (r.code() != 200) throw new IllegalStateException("HTTP " + r.code() + " for a download");
      return r.body().bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Request.Builder request(String path, String token) {
    Request.Builder b = new Request.Builder().url(path.startsWith("http") ? path : base + path);
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  Answer get(String path, String token) {
    return send(request(path, token).get().build());
  }

  Answer post(String path, String token, String json) {
    return send(request(path, token).post(RequestBody.create(json, JSON)).build());
  }

  Answer post(String path, String token, JsonNode json) {
    return post(path, token, json.toString());
  }

  Answer anonymousToken(String clientId) {
    Request.Builder b = request("/api/auth/anonymous-token", null).post(RequestBody.create(new byte[0]));
    if (clientId != null) b.header("X-Client-Id", clientId);
    return send(b.build());
  }

  String token(String clientId) {
    return anonymousToken(clientId).data().path("token").asText();
  }

  String session(String token) {
    return post("/api/tasks/me/with-session/nemo_agent", token, "{\"task_name\":\"project\",\"language\":\"en\"}")
        .data().path("session_id").asText();
  }

  Answer upload(String token, String session, Path... files) {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (Path f : files) {
      body.addFormDataPart("files", f.getFileName().toString(), RequestBody.create(f.toFile(), MediaType.get("application/octet-stream")));
    }
    return send(request("/api/upload-video/nemo_agent/me/" + session, token).post(body.build()).build());
  }

  Answer uploadAs(String token, String session, String filename, Path file) {
    MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("files", filename, RequestBody.create(file.toFile(), MediaType.get("application/octet-stream")))
        .build();
    return send(request("/api/upload-video/nemo_agent/me/" + session, token).post(body).build());
  }

  Answer uploadBytes(String token, String session, String filename, byte[] bytes) {
    MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("files", filename, RequestBody.create(bytes, MediaType.get("application/octet-stream")))
        .build();
    return send(request("/api/upload-video/nemo_agent/me/" + session, token).post(body).build());
  }

  Answer state(String token, String session) {
    return get("/api/state/nemo_agent/me/" + session + "/latest", token);
  }

  static String runSseBody(String session, String text) {
    var root = MAPPER.createObjectNode().put("app_name", "nemo_agent").put("user_id", "me").put("session_id", session);
    root.putObject("new_message").put("role", "user").putArray("parts").addObject().put("text", text);
    return root.toString();
  }
}
