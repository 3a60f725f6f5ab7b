package dev.royalties.io;

import java.io.Serializable;

/**
 * Turns a string column's values into small integer codes while the file is read (the catalogue
 * index of a track_id, say). A dictionary-encoded column is coded once per dictionary entry, not
 * once per row; {@link RowBuffer#code} then gives the code beside the string.
 */
@FunctionalInterface
public interface TextCoder extends Serializable {
    int code(String value);
}
