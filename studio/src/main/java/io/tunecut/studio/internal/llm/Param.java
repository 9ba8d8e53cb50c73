package io.tunecut.studio.internal.llm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a {@link Tool} record for the model, with inclusive bounds for a
 * number. A component is required unless its type is {@code Optional<…>} or it is marked
 * {@code required = false} (then it may be null).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Param {
  /** What the value means, with its unit ("seconds into the song"). */
  String value() default "";

  double min() default Double.NaN;

  double max() default Double.NaN;

  boolean required() default true;
}
