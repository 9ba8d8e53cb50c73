package io.tunecut.core.access;

import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.language.Messages;
import io.tunecut.core.user.UserDirectory;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** {@code /stats}, {@code /ban}, {@code /unban}, {@code /allow}, {@code /quota}: what an admin may do, kept in the store. */
final class AdminCommands {
  static final Set<String> WORDS = Set.of("stats", "ban", "unban", "allow", "quota");

  private final AccessBook book;
  private final UserDirectory directory;
  private final AccessRules rules;
  private final Supplier<LocalDate> today;
  private final Runnable changed;

  /** @param changed called after a change, so cached decisions are read again */
  AdminCommands(AccessBook book, UserDirectory directory, AccessRules rules, Supplier<LocalDate> today, Runnable changed) {
    this.book = book;
    this.directory = directory;
    this.rules = rules;
    this.today = today;
    this.changed = changed;
  }

  String run(String word, List<String> args, Messages say) throws IOException {
    if (word.equals("stats")) return stats(say);
    if (args.isEmpty()) return say.adminUsage();
    ChatUser who;
    try {
      who = AccessRules.entry(args.get(0));
    } catch (IllegalArgumentException e) {
      return say.adminUsage();
    }
    String answer = switch (word) {
      case "ban" -> {
        book.ban(who, true);
        yield say.banned(who.toString());
      }
      case "unban" -> {
        book.ban(who, false);
        yield say.unbanned(who.toString());
      }
      case "allow" -> {
        book.allow(who, true);
        book.ban(who, false);
        yield say.allowedNow(who.toString());
      }
      default -> quota(who, args.subList(1, args.size()), say);
    };
    changed.run();
    return answer;
  }

  private String stats(Messages say) throws IOException {
    LocalDate day = today.get();
    AccessBook.Day d = book.day(day);
    int inProgress = directory.withPendingRenders().stream().mapToInt(r -> r.renders().size()).sum();
    return say.stats(day.toString(), d.people(), d.renders(), d.renderedSeconds(), d.failures(), inProgress);
  }

  private String quota(ChatUser who, List<String> settings, Messages say) throws IOException {
    AccessBook.Standing now = book.standing(who);
    Integer renders = now.renders();
    Integer minutes = now.minutes();
    Integer clip = now.clipSeconds();
    Double credits = now.credits();
    try {
      for (String setting : settings) {
        String[] kv = setting.toLowerCase(Locale.ROOT).split("=", 2);
        if (kv.length != 2) return say.adminUsage();
        switch (kv[0]) {
          case "renders" -> renders = whole(kv[1]);
          case "minutes" -> minutes = whole(kv[1]);
          case "clip" -> clip = whole(kv[1]);
          case "credits" -> credits = kv[1].equals("default") ? null : kv[1].equals("none") ? (double) Budget.NO_LIMIT : Double.parseDouble(kv[1]);
          default -> {
            return say.adminUsage();
          }
        }
      }
    } catch (NumberFormatException e) {
      return say.adminUsage();
    }
    if (!settings.isEmpty()) book.quota(who, renders, minutes, clip, credits);
    Budget budget = new AccessBook.Standing(false, false, renders, minutes, clip, credits).over(rules.budget());
    AccessBook.Use use = book.use(who, today.get());
    return say.quotaOf(who.toString(), describe(budget, say), say.usedToday(use.renders(), use.renderedSeconds(), use.credits()));
  }

  private static Integer whole(String value) {
    if (value.equals("default")) return null;
    if (value.equals("none")) return Budget.NO_LIMIT;
    int n = Integer.parseInt(value);
    if (n < 0) throw new NumberFormatException("negative");
    return n;
  }

  private static String describe(Budget b, Messages say) {
    List<String> parts = new ArrayList<>();
    parts.add("renders=" + limit(b.rendersPerDay(), say));
    parts.add("minutes=" + limit(b.minutesPerDay(), say));
    parts.add("clip=" + limit(b.longestClipSeconds(), say));
    parts.add("credits=" + (b.creditsPerDay() < 0 ? say.noLimit() : String.valueOf(b.creditsPerDay())));
    return String.join(" ", parts);
  }

  private static String limit(int n, Messages say) {
    return n < 0 ? say.noLimit() : Integer.toString(n);
  }
}
