package io.tunecut.core.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.language.Language;
import io.tunecut.core.language.Messages;
import io.tunecut.core.user.UserDirectory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the bot and how much, before anything reaches the backend: the operator's lists
 * and admins, bans and run-time allowances kept in the store, a message rate per person, daily
 * budgets (UTC days of the injected clock), linked accounts as one person, and the commands
 * for all of it. Thread-safe.
 */
public final class Access {
  private static final Logger log = LoggerFactory.getLogger(Access.class);
  // Decisions made on another instance sharing the database reach this one within this time.
  private static final Duration FRESH = Duration.ofSeconds(10);
  // Whoever types at the machine's own terminal runs the bot: never kept out nor limited.
  private static final String TERMINAL = "console";

  private final AccessRules rules;
  private final UserDirectory directory;
  private final Clock clock;
  private final AccessBook book;
  private final Links links;
  private final RateLimit rate;
  private final AdminCommands admin;
  private final Cache<ChatUser, ChatUser> persons = Caffeine.newBuilder().expireAfterWrite(FRESH).maximumSize(100_000).build();
  private final Cache<ChatUser, AccessBook.Standing> standings =
      Caffeine.newBuilder().expireAfterWrite(FRESH).maximumSize(100_000).build();
  // Per account and day: refused people were told (the store keeps it too), people were counted as seen.
  private final Cache<String, Boolean> told = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(25)).maximumSize(100_000).build();
  private final Cache<String, Boolean> seen = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(25)).maximumSize(100_000).build();

  public Access(AccessRules rules, UserDirectory directory, Clock clock) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.book = new AccessBook(directory.database());
    this.links = new Links(book, clock);
    this.rate = new RateLimit(rules.messagesPerMinute(), clock);
    this.admin = new AdminCommands(book, directory, rules, this::today, this::forgetDecisions);
  }

  /**
   * What becomes of a message: it goes on ({@link #message()} then names the person, which is
   * the account it is linked to when it is), it gets {@link #answer()} and nothing else, or
   * nothing at all (both null).
   */
  public record Admission(InboundMessage message, String answer) {
    static final Admission IGNORED = new Admission(null, null);

    public boolean proceeds() {
      return message != null;
    }
  }

  public Admission admit(InboundMessage message) {
    ChatUser account = message.user();
    String[] words = message.text().strip().split("\\s+");
    String command = command(words[0]);
    List<String> args = Arrays.asList(words).subList(1, words.length);
    try {
      ChatUser person = person(account);
      boolean isAdmin = admin(account) || admin(person);
      AccessBook.Standing mine = standing(account);
      AccessBook.Standing theirs = person.equals(account) ? mine : standing(person);
      boolean banned = mine.banned() || theirs.banned();
      boolean allowed = isAdmin || (!banned && (!rules.restricted() || rules.listed(account, message.chat())
          || rules.listed(person, message.chat()) || mine.allowed() || theirs.allowed()));
      // Strangers count too: guessing link codes is a flood like any other.
      RateLimit.Verdict verdict = isAdmin ? RateLimit.Verdict.FREE : rate.take(person);
      if (!allowed) {
        // A code from an account that is allowed proves this is the same person.
        if (!banned && verdict.allowed() && command.equals("link") && args.size() == 1) {
          Messages say = Messages.of(Language.detect(message.text(), message.locale(), null));
          Links.Outcome outcome = links.join(account, args.get(0), say);
          if (outcome.joined()) {
            forgetDecisions();
            return new Admission(null, outcome.answer());
          }
        }
        return refuseOncePerDay(message);
      }
      if (!verdict.allowed()) {
        return verdict.tell() ? new Admission(null, say(message, person).tooFast(verdict.waitSeconds())) : Admission.IGNORED;
      }
      if (command.equals("link") || command.equals("unlink")) {
        return new Admission(null, link(account, message.chat(), command, args, say(message, person)));
      }
      if (AdminCommands.WORDS.contains(command)) {
        // Nobody else learns these commands exist.
        if (!isAdmin || message.chat().group()) return Admission.IGNORED;
        return new Admission(null, admin.run(command, args, say(message, person)));
      }
      seen(person);
      InboundMessage asPerson = person.equals(account) ? message
          : new InboundMessage(person, message.chat(), message.text(), message.attachments(), message.locale());
      return new Admission(asPerson, null);
    } catch (IOException e) {
      log.warn("access of {} not decided: {}", account, e.toString());
      return rules.restricted() ? Admission.IGNORED : new Admission(message, null);
    }
  }

  private String link(ChatUser account, Chat chat, String command, List<String> args, Messages say) throws IOException {
    String answer;
    if (command.equals("unlink")) answer = links.unlink(account, say);
    // A code seen by others would let them into this person's timeline.
    else if (args.isEmpty() && chat.group()) return say.linkInPrivate();
    else if (args.isEmpty()) answer = links.newCode(account, say);
    else answer = links.join(account, args.get(0), say).answer();
    forgetDecisions();
    return answer;
  }

  private Admission refuseOncePerDay(InboundMessage message) throws IOException {
    LocalDate today = today();
    // The store decides (it outlives a restart); memory spares it a flood.
    String key = message.user() + "@" + today;
    if (told.asMap().putIfAbsent(key, Boolean.TRUE) != null) return Admission.IGNORED;
    try {
      if (!book.markTold(message.user(), today)) return Admission.IGNORED;
    } catch (IOException e) {
      told.invalidate(key);
      throw e;
    }
    log.info("{} is not allowed to use the bot; told once today", message.user());
    return new Admission(null, Messages.of(Language.detect(message.text(), message.locale(), null)).notAllowed());
  }

  /**
   * Why {@code person} may not render a video of this size now, in their words; null when they
   * may. Admins are exempt.
   */
  public String renderRefusal(ChatUser person, RenderSize size, Messages say) {
    try {
      if (admin(person) || linkedAdmin(person)) return null;
      Budget budget = budget(person);
      if (!budget.limited()) return null;
      AccessBook.Use use = book.use(person, today());
      if (budget.rendersPerDay() >= 0 && use.renders() >= budget.rendersPerDay()) return say.rendersUsedUp(budget.rendersPerDay());
      if (budget.longestClipSeconds() >= 0 && size.longestClipSeconds() > budget.longestClipSeconds()) {
        return say.clipTooLong(size.longestClip(), size.longestClipSeconds(), budget.longestClipSeconds());
      }
      if (budget.minutesPerDay() >= 0) {
        long left = Math.max(0, budget.minutesPerDay() * 60L - use.renderedSeconds());
        if (size.seconds() > left) return say.minutesUsedUp(budget.minutesPerDay(), left, size.seconds());
      }
      if (budget.creditsPerDay() >= 0 && use.credits() >= budget.creditsPerDay()) return say.creditsUsedUp(budget.creditsPerDay());
      return null;
    } catch (IOException e) {
      log.warn("budget of {} not read: {}", person, e.toString());
      return null;
    }
  }

  /** The longest clip {@code person}'s renders may hold, in seconds; negative for no limit. */
  public int longestClipSeconds(ChatUser person) {
    try {
      return admin(person) || linkedAdmin(person) ? Budget.NO_LIMIT : budget(person).longestClipSeconds();
    } catch (IOException e) {
      return Budget.NO_LIMIT;
    }
  }

  /** Whether {@code person}'s share of shared (operator) credits is capped, so their use must be measured. */
  public boolean capsCredits(ChatUser person) {
    try {
      return budget(person).creditsPerDay() >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** A render of {@code seconds} was delivered to {@code person}, who used {@code credits} of shared credits by it. */
  public void rendered(ChatUser person, long seconds, double credits) {
    count(person, 1, seconds, 0, Math.max(0, credits));
  }

  /** A render of {@code person} failed for good or ran out of time; it costs nothing. */
  public void renderFailed(ChatUser person) {
    count(person, 0, 0, 1, 0);
  }

  private void count(ChatUser person, int renders, long seconds, int failures, double credits) {
    try {
      book.add(person, today(), renders, seconds, failures, credits);
    } catch (IOException e) {
      log.warn("use of {} not counted: {}", person, e.toString());
    }
  }

  /** What is left of {@code person}'s own budget today, for /credits; null when nothing is limited. */
  public String left(ChatUser person, Messages say) {
    try {
      if (admin(person) || linkedAdmin(person)) return null;
      Budget b = budget(person);
      if (!b.limited()) return null;
      AccessBook.Use use = book.use(person, today());
      Integer renders = b.rendersPerDay() >= 0 ? b.rendersPerDay() : null;
      Integer minutes = b.minutesPerDay() >= 0 ? b.minutesPerDay() : null;
      return say.budgetLeft(renders == null ? null : Math.max(0, renders - use.renders()), renders,
          minutes == null ? null : Math.max(0, minutes * 60L - use.renderedSeconds()), minutes,
          b.creditsPerDay() >= 0 ? Math.max(0, b.creditsPerDay() - use.credits()) : null,
          b.longestClipSeconds() >= 0 ? b.longestClipSeconds() : null);
    } catch (IOException e) {
      log.warn("budget of {} not read: {}", person, e.toString());
      return null;
    }
  }

  private Budget budget(ChatUser person) throws IOException {
    return standing(person).over(rules.budget());
  }

  private ChatUser person(ChatUser account) throws IOException {
    ChatUser cached = persons.getIfPresent(account);
    if (cached != null) return cached;
    ChatUser person = links.person(account);
    persons.put(account, person);
    return person;
  }

  private AccessBook.Standing standing(ChatUser account) throws IOException {
    AccessBook.Standing cached = standings.getIfPresent(account);
    if (cached != null) return cached;
    AccessBook.Standing standing = book.standing(account);
    standings.put(account, standing);
    return standing;
  }

  private boolean admin(ChatUser account) {
    return rules.admins().contains(account) || account.platform().equals(TERMINAL);
  }

  private boolean linkedAdmin(ChatUser person) throws IOException {
    return !rules.admins().isEmpty() && book.accounts(person).stream().anyMatch(this::admin);
  }

  // Counted once a day per person, for /stats.
  private void seen(ChatUser person) {
    if (seen.asMap().putIfAbsent(person + "@" + today(), Boolean.TRUE) == null) count(person, 0, 0, 0, 0);
  }

  private void forgetDecisions() {
    persons.invalidateAll();
    standings.invalidateAll();
  }

  private Messages say(InboundMessage message, ChatUser person) {
    Language remembered = null;
    try {
      remembered = Language.ofCode(directory.get(person).language());
    } catch (IOException e) {
      // the message's own language then
    }
    return Messages.of(Language.detect(message.text(), message.locale(), remembered));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String command(String word) {
    if (!word.startsWith("/")) return "";
    String w = word.substring(1);
    int at = w.indexOf('@');
    return (at >= 0 ? w.substring(0, at) : w).toLowerCase(Locale.ROOT);
  }
}
