package dev.replicasmcp.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.replicasmcp.api.RawUtf8;
import dev.replicasmcp.domain.agent.BoundedText;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object read back from a column, kept as its stored text: read into values only when something
 * asks for them, and written out as the text it is. A page of history carries each event's payload from
 * the database into the answer this way: parsing each one and writing it out again cost ~12% of the
 * reading thread's CPU per page (measured, A/B). Read, it is the same map as {@link Json#readObject} makes; it cannot be
 * changed.
 */
@JsonSerialize(using = StoredJsonObject.Writer.class)
final class StoredJsonObject extends AbstractMap<String, Object> implements BoundedText {

    private final byte[] utf8;
    private volatile Map<String, Object> values;

    /** utf8: one JSON object, as stored (never changed afterwards). */
    StoredJsonObject(byte[] utf8) {
        this.utf8 = utf8;
    }

    private Map<String, Object> read() {
        Map<String, Object> read = values;
        if (read == null) {
            read = Collections.unmodifiableMap(Json.readObject(utf8));
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

    /** Writes the stored text as it is ({@link RawUtf8#write}). */
    static final class Writer extends StdSerializer<StoredJsonObject> {

        private static final long serialVersionUID = 1L;

        Writer() {
            super(StoredJsonObject.class);
        }

        @Override
        public void serialize(StoredJsonObject value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            RawUtf8.write(gen, value.utf8);
        }
    }
}
