package io.tunecut.core.user;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Every log line written while open, at DEBUG and above for our code and the storage libraries. */
final class LogCapture implements AutoCloseable {
  private static final List<String> WATCHED = List.of("io.tunecut", "com.zaxxer.hikari", "org.sqlite");

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Map<Logger, Level> levels = new LinkedHashMap<>();

  private LogCapture() {}

  static LogCapture start() {
    var capture = new LogCapture();
    for (String name : WATCHED) {
      var logger = (Logger) LoggerFactory.getLogger(name);
      capture.levels.put(logger, logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
    capture.appender.start();
    root().addAppender(capture.appender);
    return capture;
  }

  /** Each event as one text: its message with arguments, and its exception chain's messages. */
  List<String> lines() {
    return lines(Level.TRACE);
  }

  List<String> debugLines() {
    return lines(Level.DEBUG).stream().filter(l -> l.startsWith("DEBUG")).toList();
  }

  List<String> warnings() {
    return lines(Level.WARN);
  }

  private List<String> lines(Level atLeast) {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      if (!event.getLevel().isGreaterOrEqual(atLeast)) {
        continue;
      }
      var line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Override
  public void close() {
    root().detachAppender(appender);
    appender.stop();
    levels.forEach(Logger::setLevel);
  }
}
