package ai.minimind.server.dispatch;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a parameter's value is typed on the command line. {@code FLAG01} is a bare flag: passed when 1/true. */
public enum ParamType {
    INT, FLOAT, STR, FLAG01;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
