package io.tunecut.core.chat;

/** A short-lived "the bot is doing something" hint, where the platform has one. */
public enum ChatAction {
  TYPING,
  UPLOADING_VIDEO
}
