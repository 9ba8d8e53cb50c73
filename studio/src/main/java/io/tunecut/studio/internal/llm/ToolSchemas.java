package io.tunecut.studio.internal.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The JSON schema of a tool's parameters, generated from its record: components become
 * properties, {@link Param} gives descriptions and bounds, enums are offered in lower case.
 */
final class ToolSchemas {
  private final SchemaGenerator generator;

  ToolSchemas(ObjectMapper json) {
    SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(json, SchemaVersion.DRAFT_2020_12,
        OptionPreset.PLAIN_JSON)
        .with(Option.FLATTENED_OPTIONALS, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
        .without(Option.SCHEMA_VERSION_INDICATOR, Option.FLATTENED_ENUMS);
    config.forFields()
        .withRequiredCheck(ToolSchemas::required)
        // Models often send null for what they leave out: an optional value may be null.
        .withNullableCheck(field -> !required(field))
        .withDescriptionResolver(field -> field.isFakeContainerItemScope() ? null
            : param(field).map(Param::value).filter(s -> !s.isBlank()).orElse(null))
        .withNumberInclusiveMinimumResolver(field -> bound(field, Param::min))
        .withNumberInclusiveMaximumResolver(field -> bound(field, Param::max));
    config.forTypesInGeneral().withPropertySorter((a, b) -> 0); // the record's own order
    config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
      if (!type.isInstanceOf(Enum.class)) return null;
      ObjectNode choice = json.createObjectNode().put("type", "string");
      ArrayNode names = choice.putArray("enum");
      for (Object constant : type.getErasedType().getEnumConstants()) names.add(lowerCase((Enum<?>) constant));
      return new CustomDefinition(choice, CustomDefinition.DefinitionType.INLINE,
          CustomDefinition.AttributeInclusion.YES);
    });
    this.generator = new SchemaGenerator(config.build());
  }

  ObjectNode of(Class<?> record) {
    return generator.generateSchema(record);
  }

  private static String lowerCase(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  private static boolean required(FieldScope field) {
    return field.getRawMember().getType() != Optional.class && param(field).map(Param::required).orElse(true);
  }

  private static Optional<Param> param(FieldScope field) {
    return Optional.ofNullable(field.getAnnotationConsideringFieldAndGetter(Param.class));
  }

  private static BigDecimal bound(FieldScope field, ToDoubleFunction<Param> which) {
    return param(field).map(which::applyAsDouble).filter(d -> !d.isNaN())
        .map(d -> d == Math.rint(d) ? BigDecimal.valueOf(d.longValue()) : BigDecimal.valueOf(d))
        .orElse(null);
  }
}
