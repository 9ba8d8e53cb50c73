package io.tunecut.studio.internal.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tools a model is offered, one per {@link Tool} record, and the reading of its calls
 * back into those records. A call is outside input: it is checked against the very schema the
 * model was shown, and a call that fails is dropped with a plain reason.
 *
 * @param <T> what the records have in common (the agent's kind of edit)
 */
public final class ToolCatalog<T> {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS) // the schema offers enum names in lower case
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private record Offer<T>(String name, String description, Class<? extends T> type, ObjectNode parameters,
      Schema check) {}

  private final Map<String, Offer<T>> offers;

  private ToolCatalog(Map<String, Offer<T>> offers) {
    this.offers = offers;
  }

  /**
   * @param kind what every record implements
   * @param records record classes annotated with {@link Tool}, in the order they are offered
   * @throws IllegalArgumentException for a class that is not a {@link Tool} record, or two tools of one name
   */
  public static <T> ToolCatalog<T> of(Class<T> kind, List<Class<? extends T>> records) {
    ToolSchemas schemas = new ToolSchemas(JSON);
    Map<String, Offer<T>> offers = new LinkedHashMap<>();
    for (Class<? extends T> type : records) {
      Tool tool = type.getAnnotation(Tool.class);
      if (!type.isRecord() || tool == null) {
        throw new IllegalArgumentException(type.getName() + " is not a record annotated with @Tool");
      }
      String name = tool.name().isBlank() ? snakeCase(type.getSimpleName()) : tool.name();
      ObjectNode parameters = schemas.of(type);
      Offer<T> offer = new Offer<>(name, tool.value(), type, parameters, SCHEMAS.getSchema(parameters));
      if (offers.putIfAbsent(name, offer) != null) {
        throw new IllegalArgumentException("two tools are named " + name + ": " + offers.get(name).type().getName()
            + " and " + type.getName());
      }
    }
    return new ToolCatalog<>(offers);
  }

  /** The tools' names, in the order they are offered. */
  public Set<String> names() {
    return offers.keySet();
  }

  /** The JSON schema of a tool's parameters, as the model sees it. */
  public JsonNode parameters(String name) {
    Offer<T> offer = offers.get(name);
    if (offer == null) throw new IllegalArgumentException("no tool named " + name);
    return offer.parameters().deepCopy();
  }

  /** The {@code tools} of a chat-completions request. */
  ArrayNode offered() {
    ArrayNode tools = JSON.createArrayNode();
    for (Offer<T> offer : offers.values()) {
      ObjectNode function = tools.addObject().put("type", "function").putObject("function");
      function.put("name", offer.name()).put("description", offer.description());
      function.set("parameters", offer.parameters());
    }
    return tools;
  }

  /** Reads the model's calls in order: each becomes a record or a dropped call with its reason. */
  ModelReply.Proposed<T> read(List<ToolCall> calls, String text) {
    List<T> edits = new ArrayList<>();
    List<DroppedCall> dropped = new ArrayList<>();
    for (ToolCall call : calls) {
      Offer<T> offer = offers.get(call.name());
      if (offer == null) {
        dropped.add(new DroppedCall(call.name(), call.name().isBlank() ? "a tool call without a name"
            : "there is no tool named " + call.name()));
        continue;
      }
      try {
        edits.add(read(offer, call.arguments()));
      } catch (UnusableCall e) {
        dropped.add(new DroppedCall(call.name(), e.getMessage()));
      }
    }
    return new ModelReply.Proposed<>(List.copyOf(edits), List.copyOf(dropped), text);
  }

  private T read(Offer<T> offer, String arguments) throws UnusableCall {
    JsonNode args;
    try {
      args = JSON.readTree(arguments.isBlank() ? "{}" : arguments);
    } catch (JsonProcessingException e) {
      throw new UnusableCall("its arguments are not JSON");
    }
    List<Error> errors = offer.check().validate(args);
    if (!errors.isEmpty()) {
      throw new UnusableCall(errors.stream().map(ToolCatalog::plain).distinct().collect(Collectors.joining("; ")));
    }
    try {
      return JSON.treeToValue(args, offer.type());
    } catch (ValueInstantiationException e) {
      // The record's own constructor refused the values, and says why.
      throw new UnusableCall(e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UnusableCall("its arguments do not fit the edit"); // a number too large for its field, say
    }
  }

  /** "percent: must have a maximum value of 200", or without a place for the object itself. */
  private static String plain(Error error) {
    String where = error.getInstanceLocation().toString().replaceFirst("^[$./]+", "");
    return where.isEmpty() ? error.getMessage() : where + ": " + error.getMessage();
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static final class UnusableCall extends Exception {
    UnusableCall(String reason) {
      super(reason, null, false, false);
    }
  }
}
