package ai.minimind.server.dispatch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One parameter of a training script: its argparse name and default, the allowed range or choices, and where
 * the web form shows it ({@code group}: basic, model, data, type, advanced). {@code serverSide} parameters
 * ({@code gpu_num}, {@code train_monitor}) steer how the command is built and are never passed as-is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParamSpec(String name, ParamType type, @JsonProperty("default") Object defaultValue, Number min,
                        Number max, List<String> choices, @JsonIgnore PathKind pathKind, String group, String help,
                        @JsonIgnore boolean serverSide) {

    /** The help in Chinese, for the web page's default language; absent where no translation exists. */
    @JsonProperty("help_zh")
    public String helpZh() {
        return HelpZh.of(help).orElse(null);
    }

    @JsonProperty("is_path")
    public boolean isPath() {
        return pathKind != PathKind.NONE;
    }
}
