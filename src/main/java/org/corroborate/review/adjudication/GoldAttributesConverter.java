package org.corroborate.review.adjudication;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A gold span's attribute values as a small JSON object. */
@Converter
class GoldAttributesConverter implements AttributeConverter<Map<String, String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(Map<String, String> attributes) {
        return attributes == null ? null : JSON.writeValueAsString(new TreeMap<>(attributes));
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        return json == null ? null : JSON.readValue(json, new TypeReference<TreeMap<String, String>>() {});
    }
}
