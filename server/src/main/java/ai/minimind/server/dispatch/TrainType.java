package ai.minimind.server.dispatch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** A train type: the MiniMind script that implements it and that script's parameters, in form order. */
public record TrainType(@JsonIgnore String name, String script, List<ParamSpec> params) {

    public Optional<ParamSpec> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** Whether the script has {@code --from_weight} (the RL trainers pick their start weight themselves). */
    @JsonProperty("accepts_from_weight")
    public boolean acceptsFromWeight() {
        return param("from_weight").filter(p -> !p.serverSide()).isPresent();
    }
}
