package org.corroborate.source;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

/** Stores page starts (code point offsets) as a JSON array of integers, such as {@code [0,1834,3977]}. */
@Converter
class PageStartsConverter implements AttributeConverter<List<Integer>, String> {

    @Override
    public String convertToDatabaseColumn(List<Integer> starts) {
        if (starts == null) {
            return null;
        }
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < starts.size(); i++) {
            json.append(i == 0 ? "" : ",").append(starts.get(i).intValue());
        }
        return json.append(']').toString();
    }

    @Override
    public List<Integer> convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        String body = json.strip();
        body = body.substring(1, body.length() - 1).strip();
        List<Integer> starts = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String number : body.split(",")) {
                starts.add(Integer.parseInt(number.strip()));
            }
        }
        return List.copyOf(starts);
    }
}
