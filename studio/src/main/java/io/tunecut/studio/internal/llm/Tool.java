package io.tunecut.studio.internal.llm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Offers a record to a language model as a tool. The record's components are the tool's
 * parameters (see {@link Param}); the model reads {@link #value()} to decide when to call it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Tool {
  /** What the tool does, for the model: one sentence. */
  String value();

  /** The tool's name; by default the record's name in snake case ({@code MusicVolume} → {@code music_volume}). */
  String name() default "";
}
