package ai.minimind.engine.data;

/**
 * One RLAIF item (spec 3.4): {@code prompt} is the conversation minus its last turn, roles re-assigned by position
 * (even user, odd assistant), rendered with the default system block and the generation prompt; {@code answer} is
 * the dropped last turn's content (unused by the trainers). Tokenization (left padding, truncation) is the
 * trainer's job.
 */
public record RlaifPrompt(String prompt, String answer) {
}
