package org.publicservice.procurement.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The official OCDS 1.1.5 package schemas (copies in src/test/resources/ocds/, see SOURCE.txt there). They refer to
 * each other by their published URLs; those are mapped to the copies, so validation never touches the network.
 */
public final class OcdsSchemas {

  static final String PUBLISHED = "https://standard.open-contracting.org/schema/1__1__5/";

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
      builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(PUBLISHED, "classpath:ocds/")));
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .formatAssertionsEnabled(true).build();

  public static final JsonSchema RELEASE_PACKAGE = FACTORY.getSchema(
      SchemaLocation.of(PUBLISHED + "release-package-schema.json"), CONFIG);
  public static final JsonSchema RECORD_PACKAGE = FACTORY.getSchema(
      SchemaLocation.of(PUBLISHED + "record-package-schema.json"), CONFIG);

  private OcdsSchemas() {
  }

  /** The schema's complaints about the document, one per line; empty when it is valid. */
  public static String errors(JsonSchema schema, JsonNode document) {
    Set<ValidationMessage> messages = schema.validate(document);
    return messages.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n"));
  }
}
