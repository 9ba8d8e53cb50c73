package io.tunecut.core.nemo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the studio said about a timeline picture it sent: {@code pending}, the analyses it is still
 * finding (beats, cuts; empty: the picture is complete); {@code marks}, those it shows.
 */
public record TimelinePicture(Set<String> pending, Set<String> marks) {
  static final String PENDING = "Timeline-Pending";
  static final String MARKS = "Timeline-Marks";

  public TimelinePicture {
    pending = Set.copyOf(pending);
    marks = Set.copyOf(marks);
  }

  static TimelinePicture of(String pending, String marks) {
    return new TimelinePicture(names(pending), names(marks));
  }

  /** The picture says it is still finding something: a full one follows. */
  public boolean partial() {
    return !pending.isEmpty();
  }

  /** {@code full} shows something this picture was still finding: worth showing after it. */
  public boolean completedBy(TimelinePicture full) {
    return pending.stream().anyMatch(full.marks()::contains);
  }

  private static Set<String> names(String header) {
    if (header == null || header.isBlank()) return Set.of();
    return Arrays.stream(header.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
