package io.tunecut.discord;

import io.tunecut.core.chat.Suggestion;
import java.io.IOException;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Shapes of outgoing messages, and running JDA requests as blocking calls with IOExceptions. */
final class Replies {
  static final int MAX_TEXT = 2000;

  private Replies() {}

  static MessageCreateData message(String text, List<Suggestion> suggestions) {
    MessageCreateBuilder builder = new MessageCreateBuilder().setContent(trim(text));
    List<Button> buttons = suggestions.stream()
        .limit(25)
        .map(s -> Button.secondary(s.command(), s.label().length() > 80 ? s.label().substring(0, 80) : s.label()))
        .toList();
    if (!buttons.isEmpty()) builder.setComponents(ActionRow.partitionOf(buttons));
    return builder.build();
  }

  static String trim(String text) {
    if (text.length() <= MAX_TEXT) return text;
    int end = MAX_TEXT - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) end--; // never half an emoji
    return text.substring(0, end) + "…";
  }

  /** Waits for a request; Discord's refusals become IOExceptions naming Discord's reason. */
  static <T> T complete(RestAction<T> action, String what) throws IOException {
    try {
      return action.complete();
    } catch (ErrorResponseException e) {
      throw new DiscordRefusal(what, e);
    } catch (RuntimeException e) {
      throw new IOException(what + " failed: " + e.getMessage(), e);
    }
  }

  /** Discord's 40005, or a plain 413 from its front: the file does not fit. */
  static boolean tooLarge(IOException e) {
    return e instanceof DiscordRefusal refusal
        && (refusal.response() == ErrorResponse.REQUEST_ENTITY_TOO_LARGE || refusal.status() == 413);
  }

  /** Discord answered with an error. */
  static final class DiscordRefusal extends IOException {
    private final transient ErrorResponse response;
    private final int status;

    DiscordRefusal(String what, ErrorResponseException e) {
      super(what + " refused by Discord: " + e.getErrorCode() + " " + e.getMeaning(), e);
      this.response = e.getErrorResponse();
      this.status = e.getResponse() == null ? 0 : e.getResponse().code;
    }

    ErrorResponse response() {
      return response;
    }

    int status() {
      return status;
    }
  }
}
