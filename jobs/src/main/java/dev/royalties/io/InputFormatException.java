package dev.royalties.io;

/** An input file that breaks the data contract's shape (a column of the wrong type, not Parquet). */
public class InputFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputFormatException(String message) {
        super(message);
    }

    public InputFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
