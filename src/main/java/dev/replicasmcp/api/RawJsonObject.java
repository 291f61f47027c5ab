package dev.replicasmcp.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.replicasmcp.domain.agent.BoundedText;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object kept as its UTF-8 text: read into values only when something asks for them, and written
 * out as the text it is. A page of history carries each event's payload from the database into the answer
 * this way (parsing each one and writing it out again cost ~12% of the reading thread's CPU per page,
 * measured, A/B), and the tool catalogue each schema from the jar into tools/list. Read, it is the map
 * Jackson makes of the text (field order kept, whole numbers as Integer, Long or BigInteger, fractions as
 * Double); it cannot be changed.
 */
@JsonSerialize(using = RawJsonObject.Writer.class)
public final class RawJsonObject extends AbstractMap<String, Object> implements BoundedText {

    private final byte[] utf8;
    private volatile Map<String, Object> values;

    /** utf8: one JSON object, compact (a stdio answer is one line), never changed afterwards. */
    public RawJsonObject(byte[] utf8) {
        this.utf8 = utf8;
    }

    private Map<String, Object> read() {
        Map<String, Object> read = values;
        if (read == null) {
            try {
                read = Collections.unmodifiableMap(Reader.OBJECT.readValue(utf8));
            } catch (IOException e) {
                throw new IllegalStateException("Stored JSON is corrupt: " + e.getMessage(), e);
            }
            values = read;
        }
        return read;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return read().entrySet();
    }

    @Override
    public Object get(Object key) {
        return read().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return read().containsKey(key);
    }

    @Override
    public int size() {
        return read().size();
    }

    /** A text in it is at most as long as the JSON that holds it. */
    @Override
    public int longestTextAtMost() {
        return utf8.length;
    }

    /** Made at the first read: most of these objects are only ever written out. */
    private static final class Reader {
        static final ObjectReader OBJECT = new ObjectMapper().readerFor(new TypeReference<Map<String, Object>>() {});
    }

    /** Writes the text as it is ({@link RawUtf8#write}). */
    static final class Writer extends StdSerializer<RawJsonObject> {

        private static final long serialVersionUID = 1L;

        Writer() {
            super(RawJsonObject.class);
        }

        @Override
        public void serialize(RawJsonObject value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            RawUtf8.write(gen, value.utf8);
        }
    }
}
