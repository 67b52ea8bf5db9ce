package org.corroborate.annotation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores attribute values as a small JSON object, which both H2 and PostgreSQL keep as plain text. */
@Converter
class AttributesConverter implements AttributeConverter<Map<String, String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, String> attributes) {
        return JSON.writeValueAsString(attributes == null ? Map.of() : new TreeMap<>(attributes));
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        return json == null || json.isBlank() ? new TreeMap<>() : JSON.readValue(json, TYPE);
    }
}
