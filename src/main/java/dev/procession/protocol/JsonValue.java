package dev.procession.protocol;

/** A value that knows its own JSON form, such as a handle to a primitive. */
public interface JsonValue {
    Object toJson();
}
