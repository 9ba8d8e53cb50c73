package io.tunecut.core.chat;

import java.util.Objects;

/** A person on one platform: the key of everything we keep about them. */
public record ChatUser(String platform, String id) {
  public ChatUser {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return platform + ":" + id;
  }
}
