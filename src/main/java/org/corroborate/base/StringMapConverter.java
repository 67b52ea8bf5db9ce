package org.corroborate.base;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores attribute values (name to value) as a small JSON object, which H2 and PostgreSQL keep as plain text. */
@Converter
public class StringMapConverter implements AttributeConverter<Map<String, String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, String> attributes) {
        return attributes == null ? null : JSON.writeValueAsString(new TreeMap<>(attributes));
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        return json == null ? null : JSON.readValue(json, TYPE);
    }
}
